// Turns measurements into results.md: machine facts, the targets (met or missed), one table per corpus size, editor latency.
import * as os from 'node:os';

const num = (n, digits = 0) => (Number.isFinite(n) ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : 'n/a');
const seconds = (ms) => (Number.isFinite(ms) ? (ms >= 10_000 ? `${num(ms / 1000, 1)} s` : `${num(ms / 1000, 2)} s`) : 'n/a');
const mb = (kb) => (Number.isFinite(kb) ? `${num(kb / 1024)} MB` : 'n/a');
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${num(a / b, a / b >= 10 ? 0 : 1)}×` : 'n/a');

export const TABLE_HEADER = ['tool', 'median wall', 'min–max', 'median CPU', 'peak RSS', 'reported', '× callstats-lint', '× floor'];

/** One row per tool; ratios are a tool's median wall time over callstats-lint's and over the floor's. */
export function sizeTable(size) {
  const base = size.tools['callstats-lint']?.medianWallMs;
  const floor = size.tools.floor?.medianWallMs;
  const rows = Object.entries(size.tools).map(([, t]) => [
    t.label,
    seconds(t.medianWallMs),
    `${seconds(t.minWallMs)}–${seconds(t.maxWallMs)}`,
    seconds(t.medianCpuMs),
    mb(t.peakRssKb),
    t.reportedNote ?? num(t.reported),
    ratio(t.medianWallMs, base),
    ratio(t.medianWallMs, floor),
  ]);
  return markdownTable(TABLE_HEADER, rows);
}

/** Numbers are right-aligned; `left` keeps text columns (the first always) left-aligned. */
export function markdownTable(header, rows, left = 1) {
  const rule = header.map((_, i) => (i < left ? '---' : '---:')).join(' | ');
  return [`| ${header.join(' | ')} |`, `| ${rule} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

export function machineFacts(meta) {
  const cpus = os.cpus();
  return [
    `- Date: ${meta.date}`,
    `- Machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${os.availableParallelism?.() ?? cpus.length} cores, ${num(os.totalmem() / 2 ** 30)} GiB RAM, ${os.type()} ${os.release()}`,
    `- Node ${process.version}; callstats-lint ${meta.version} (${meta.revision}); ${meta.toolVersions}`,
    `- Corpus seed \`${meta.seed}\`; ${meta.warmup} untimed warm-up run(s) per tool, then runs interleaved round-robin; each run is a fresh process (cold CLI, warm disk cache)`,
    ...(meta.loadAverage ? [`- Load average (1 min) at the start: ${meta.loadAverage}; other work on the machine shows as the spread between min and max`] : []),
    ...(meta.notes ?? []).map((note) => `- ${note}`),
    `- Peak RSS from ${meta.rssMethod === 'time' ? '`/usr/bin/time -f %M`' : "the process's own rusage (`process.resourceUsage().maxRSS`, preloaded probe)"}; CPU is user + system time of all threads (oxlint uses ${os.availableParallelism?.() ?? cpus.length} threads, the others one)`,
  ].join('\n');
}

export function sizeSection(size) {
  const m = size.manifest;
  return [
    `### ${num(m.size)} files`,
    '',
    `${num(m.lines)} lines, ${num(m.bytes / 1e6, 1)} MB; ${m.integrationFiles.length} files integrate callstats; ` +
      `${m.expected.total} planted findings (${Object.entries(m.expected.byRule).map(([k, v]) => `${k} ${v}`).join(', ')}); timed runs per tool: ${size.runs}.`,
    '',
    sizeTable(size),
    '',
    size.findingsCheck,
  ].join('\n');
}

export function editorSection(editor) {
  return [
    '## Editor latency (language server over stdio, pull diagnostics)',
    '',
    `Workspace: the ${num(editor.corpusFiles)}-file corpus; file: \`${editor.file}\` (${num(editor.fileLines)} lines). ` +
      `Each edit is a \`didChange\` followed by \`textDocument/diagnostic\` (pull, as VS Code does when the server offers it); latency is from sending the change to receiving the report. ` +
      `Edits type a word into a string and delete it again, so the text returns to its start. In push mode the server first waits for a 150 ms typing pause. ` +
      `An edit inside a string keeps the parsed tree and what the analysis found about the code's structure, and works out values and rules again; ` +
      `typing code changes the structure, so the last row, typing a word into a property name the same way, shows what other edits cost.`,
    '',
    markdownTable(
      ['measure', 'value'],
      [
        ['first diagnostics, first open with an empty cache (spawn → initialize → didOpen → report)', `${num(editor.coldFirstDiagnosticsMs)} ms (initialize answered after ${num(editor.coldInitializeMs)} ms)`],
        ['first diagnostics, the folder opened before (its cache filled by that open)', `${num(editor.firstDiagnosticsMs)} ms (initialize answered after ${num(editor.initializeMs)} ms)`],
        [`didChange → diagnostics, p50 over ${editor.latencyEdits} edits`, `${num(editor.p50Ms, 1)} ms`],
        [`didChange → diagnostics, p95 over ${editor.latencyEdits} edits`, `${num(editor.p95Ms, 1)} ms`],
        ['max over those edits', `${num(editor.maxMs, 1)} ms`],
        [`server RSS after the first ${num(editor.rssEarlyAt)} edits (median over the next 100)`, mb(editor.rssEarlyKb)],
        ...(editor.rssSamples.length
          ? [[`server RSS sampled every 1,000 edits (min–max)`, `${mb(Math.min(...editor.rssSamples.map((s) => s.rssKb)))}–${mb(Math.max(...editor.rssSamples.map((s) => s.rssKb)))}`]]
          : []),
        [`server RSS after ${num(editor.edits)} edits (median over the last 100)`, `${mb(editor.rssLateKb)} (${editor.rssGrowthPct >= 0 ? '+' : ''}${num(editor.rssGrowthPct, 1)}%)`],
        [`p50 / p95 over the last 200 edits`, `${num(editor.lateP50Ms, 1)} / ${num(editor.lateP95Ms, 1)} ms`],
        ...(editor.codeEdits
          ? [[`typing code instead (a property name), p50 / p95 over ${editor.codeEdits} edits`, `${num(editor.codeP50Ms, 1)} / ${num(editor.codeP95Ms, 1)} ms`]]
          : []),
      ],
      2,
    ),
  ].join('\n');
}

export function targetsSection(targets) {
  const mark = (met) => (met === true ? '✅ met' : met === false ? '❌ missed' : '— not measured');
  return markdownTable(['target', 'measured', 'result'], targets.map((t) => [t.name, t.measured, mark(t.met)]), 3);
}

/** The whole of results.md. */
export function renderResults({ meta, sizes, editor, targets }) {
  return [
    '# callstats-lint benchmark',
    '',
    `Written by \`${meta.command}\` (\`npm run bench\`). Corpus: generated TS/JS apps (bench/generate/), ~1.5% of files integrating callstats.`,
    '',
    machineFacts(meta),
    '',
    '## Targets',
    '',
    targetsSection(targets),
    '',
    '## Command line: whole tree, cold process',
    '',
    '`reported` is what each tool printed: callstats-lint findings, ESLint selector hits, oxlint diagnostics, files the floor found mentioning callstats words.',
    '',
    '`callstats-lint` is the default run, whose cache (node_modules/.cache/callstats-lint) holds what the run before found: unchanged files are only statted, and the analysis is reused after every file it read is checked by content. ' +
      'The cache is emptied before each size, and the first run (untimed) fills it. `callstats-lint --no-cache` reads and writes no cache: every file is read and the analysis runs, as on a clean checkout.',
    '',
    ...sizes.flatMap((r) => [sizeSection(r), '']),
    ...(editor ? [editorSection(editor), ''] : []),
  ].join('\n');
}

export { num, seconds, mb };
