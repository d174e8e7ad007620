// The text of one ordinary module (component, service, hook, util, types, store, test, CommonJS, barrel) from its plan.
import { posix } from 'node:path';
import { ADJECTIVES, camel, pascal, plural } from './random.mjs';
import { unit } from './units.mjs';

/** The import specifier from one corpus file to another, extensionless as bundler-style apps write it. */
export function specifier(from, to) {
  const rel = posix.relative(posix.dirname(from), to).replace(/\.(tsx?|jsx?)$/, '');
  return rel.startsWith('.') ? rel : './' + rel;
}

function importLines(plan) {
  return plan.imports
    .map(({ module, names }) => {
      const used = plan.ts ? names : names.filter((n) => n.kind !== 'type');
      if (!used.length) return '';
      const list = used.map((n) => (n.kind === 'type' ? `type ${n.name}` : n.name)).join(', ');
      return plan.commonjs
        ? `const { ${list} } = require('${specifier(plan.path, module.path)}');`
        : `import { ${list} } from '${specifier(plan.path, module.path)}';`;
    })
    .filter(Boolean);
}

const imported = (plan, kind) => plan.imports.flatMap((i) => i.names).filter((n) => n.kind === kind).map((n) => n.name);

/** Statements that put the module's imported functions and classes to use, collecting into `derived`. */
function useImports(plan, indent) {
  const calls = imported(plan, 'fn').map((name) => `derived.push(await Promise.resolve(${name}(input)));`);
  const classes = imported(plan, 'class').map((name) => `derived.push(new ${name}());`);
  return [`const derived${plan.ts ? ': unknown[]' : ''} = [];`, ...classes, ...calls].map((line) => indent + line).join('\n');
}

function typeOf(plan) {
  return imported(plan, 'type')[0] ?? 'Record<string, unknown>';
}

/** Look-alikes of the SDK's methods on other objects: callstats-lint must stay silent on them. */
function decoy(rng, plan) {
  const a = (type) => (plan.ts ? `: ${type}` : '');
  if (plan.decoy === 'analytics') {
    return `
// Product analytics comes from the vendor's script tag; it has nothing to do with call quality.
declare const productAnalytics: { initialize(key: string, secret: string, userId: string): void };

export function startProductAnalytics(userId: string): void {
  productAnalytics.initialize('pa_live_${rng.hex(12)}', '${rng.hex(16)}', userId);
}
`;
  }
  if (plan.decoy === 'health-panel') {
    return `
// Keeps the last minute of connection state per connection for the "call health" panel.
export class CallHealthPanel {
  fabrics = new Map${plan.ts ? '<RTCPeerConnection, { label: string; since: number }>' : ''}();

  addNewFabric(pc${a('RTCPeerConnection')}, label${a('string')}, usage${a('string')}, roomName${a('string')}) {
    this.fabrics.set(pc, { label: \`\${label}/\${usage}/\${roomName}\`, since: Date.now() });
  }
}
`;
  }
  return '';
}

function service(rng, plan) {
  const [fetchName, saveName, className] = plan.exports.map((e) => e.name);
  const ctx = { ts: plan.ts, entity: plan.entity };
  const T = plan.ts ? typeOf(plan) : '';
  const a = (type) => (plan.ts ? `: ${type}` : '');
  const extra = Array.from({ length: rng.tail(2, 9) }, (_, i) => unit(rng, ctx, camel(rng.pick(['prepare', 'build', 'collect', 'merge']), plan.entity, String(i))));
  return `${unit(rng, ctx, fetchName, 'asyncFetch')}

export async function ${saveName}(record${a(T)}, input${a('Record<string, unknown>')} = {})${a(`Promise<${T}>`)} {
${useImports(plan, '  ')}
  const response = await fetch('/api/v2/${plural(plan.entity)}', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...record, ...input, derived }),
  });
  if (response.status === 409) {
    throw new Error('${plan.entity} was changed by someone else; reload and try again');
  }
  return (await response.json())${plan.ts ? ` as ${T}` : ''};
}

export class ${className} {
  ${plan.ts ? `private pending = new Map<string, Promise<${T}[]>>();` : 'pending = new Map();'}

  async list(scopeId${a('string')})${a(`Promise<${T}[]>`)} {
    const running = this.pending.get(scopeId);
    if (running) return running;
    const request = ${fetchName}(scopeId).finally(() => this.pending.delete(scopeId));
    this.pending.set(scopeId, request);
    return request;
  }

  async save(record${a(T)})${a(`Promise<${T}>`)} {
    return ${saveName}(record);
  }
}

${extra.join('\n\n')}
${decoy(rng, plan)}`;
}

function util(rng, plan) {
  const ctx = { ts: plan.ts, entity: plan.entity };
  const body = plan.exports.map((e) => unit(rng, ctx, e.name, e.kind === 'class' ? 'class' : undefined));
  const local = Array.from({ length: rng.tail(1.5, 8) }, (_, i) => unit(rng, ctx, camel('internal', plan.entity, String(i))));
  const uses = imported(plan, 'fn').length ? `\nexport async function ${camel('pipeline', plan.entity)}(input${plan.ts ? ': unknown[]' : ''}) {\n${useImports(plan, '  ')}\n  return derived;\n}\n` : '';
  return `${[...body, ...local].join('\n\n')}\n${uses}${decoy(rng, plan)}`;
}

function commonjs(rng, plan) {
  const ctx = { ts: false, entity: plan.entity };
  const body = plan.exports.map((e) => unit(rng, ctx, e.name).replace(/^export /gm, ''));
  return `'use strict';

${body.join('\n\n')}

module.exports = { ${plan.exports.map((e) => e.name).join(', ')} };
`;
}

function hook(rng, plan) {
  const [name] = plan.exports.map((e) => e.name);
  const T = typeOf(plan);
  const fetcher = imported(plan, 'fn')[0];
  const poll = rng.pick([0, 15_000, 30_000, 60_000]);
  return `import { useEffect, useRef, useState } from 'react';

export function ${name}(scopeId: string) {
  const [data, setData] = useState<${T}[]>([]);
  const [status, setStatus] = useState<'idle' | 'loading' | 'error'>('idle');
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    const load = async () => {
      setStatus('loading');
      try {
        const result = ${fetcher ? `await ${fetcher}(scopeId)` : `await fetch(\`/api/${plural(plan.entity)}/\${scopeId}\`).then((r) => r.json())`};
        if (mounted.current) {
          setData(result as ${T}[]);
          setStatus('idle');
        }
      } catch {
        if (mounted.current) setStatus('error');
      }
    };
    void load();${poll ? `\n    const timer = setInterval(load, ${poll});` : ''}
    return () => {
      mounted.current = false;${poll ? '\n      clearInterval(timer);' : ''}
    };
  }, [scopeId]);

  return { data, status, isEmpty: status === 'idle' && data.length === 0 };
}
`;
}

function types(rng, plan) {
  const [main, status] = plan.exports.map((e) => e.name);
  const fields = rng.sample(['title', 'ownerId', 'region', 'category', 'priority', 'total', 'amount', 'score', 'notes', 'tags', 'currency'], rng.int(3, 8));
  const typeFor = (f) => ({ total: 'number', amount: 'number', score: 'number', priority: 'number', tags: 'string[]' })[f] ?? 'string';
  const extra = Array.from({ length: rng.tail(1.5, 6) }, (_, i) => `export interface ${main}${pascal(rng.pick(['summary', 'filter', 'patch', 'event']))}${i} {\n  id: string;\n  ${rng.pick(fields)}?: ${typeFor(rng.pick(fields))};\n  at: string;\n}`);
  return `export type ${status} = ${rng.sample(ADJECTIVES, rng.int(2, 5)).map((s) => `'${s}'`).join(' | ')};

export interface ${main} {
  id: string;
  status: ${status};
  updatedAt: string;
${fields.map((f) => `  ${f}${rng.chance(0.3) ? '?' : ''}: ${typeFor(f)};`).join('\n')}
}

${extra.join('\n\n')}
`;
}

function store(rng, plan) {
  const [reducer] = plan.exports.map((e) => e.name);
  const T = typeOf(plan);
  const actions = rng.sample(['loaded', 'added', 'removed', 'updated', 'selected', 'cleared', 'failed'], rng.int(3, 6));
  const prefix = plural(plan.entity);
  return `export interface ${pascal(plan.entity)}State {
  items: ${T}[];
  selectedId: string | null;
  error: string | null;
}

export type ${pascal(plan.entity)}Action =
${actions.map((a) => `  | { type: '${prefix}/${a}'; payload?: ${a === 'loaded' ? `${T}[]` : 'string'} }`).join('\n')};

const initialState: ${pascal(plan.entity)}State = { items: [], selectedId: null, error: null };

export function ${reducer}(state = initialState, action: ${pascal(plan.entity)}Action): ${pascal(plan.entity)}State {
  switch (action.type) {
${actions.map((a) => `    case '${prefix}/${a}':\n      return ${a === 'loaded' ? '{ ...state, items: (action.payload as never) ?? [], error: null }' : a === 'failed' ? '{ ...state, error: String(action.payload) }' : a === 'selected' ? '{ ...state, selectedId: String(action.payload) }' : a === 'cleared' ? 'initialState' : '{ ...state, items: [...state.items] }'};`).join('\n')}
    default:
      return state;
  }
}
`;
}

function component(rng, plan) {
  const [name] = plan.exports.map((e) => e.name);
  const T = typeOf(plan);
  const hookName = imported(plan, 'hook')[0];
  const fns = imported(plan, 'fn');
  // Integrations say how they are called (room, participant); other functions take the row's id.
  const calls = Object.fromEntries(plan.imports.flatMap((i) => i.names).filter((n) => n.call).map((n) => [n.name, n.call('scopeId', 'id')]));
  const label = pascal(plural(plan.entity));
  const rows = Array.from({ length: rng.tail(1.2, 6) }, (_, i) => `function ${name}Row${i}({ item, onPick }: { item: ${T}; onPick: (id: string) => void }) {
  return (
    <tr className="${plan.entity}-row" onClick={() => onPick(String(item.id))}>
      <td>{String(item.id).slice(0, ${rng.int(6, 12)})}</td>
      <td className="${rng.pick(['muted', 'strong', 'mono'])}">{JSON.stringify(item).length}</td>
    </tr>
  );
}`);
  const handlers = Array.from({ length: Math.max(fns.length, rng.tail(1.5, 8)) }, (_, i) => `  const handler${i} = useCallback(async (id: string) => {
    setBusy(true);
    try {
      ${fns.length ? `await Promise.resolve(${calls[fns[i % fns.length]] ?? `${fns[i % fns.length]}(id as never)`});` : `await fetch(\`/api/${plural(plan.entity)}/\${id}\`, { method: '${rng.pick(['DELETE', 'PATCH', 'POST'])}' });`}
    } finally {
      setBusy(false);
    }
  }, []);`);
  return `import { useCallback, useMemo, useState } from 'react';

export interface ${name}Props {
  scopeId: string;
  title?: string;
  onSelect?: (id: string) => void;
}

${rows.join('\n\n')}
${rows.length ? `\nconst ROW_KINDS = [${rows.map((_, i) => `${name}Row${i}`).join(', ')}];\n` : ''}
export function ${name}({ scopeId, title = '${label}', onSelect }: ${name}Props) {
  const [query, setQuery] = useState('');
  const [busy, setBusy] = useState(false);
  ${hookName ? `const { data, status } = ${hookName}(scopeId);` : `const [data] = useState<${T}[]>([]);\n  const status = 'idle';`}
  const visible = useMemo(
    () => data.filter((item) => JSON.stringify(item).toLowerCase().includes(query.toLowerCase())),
    [data, query],
  );
${handlers.join('\n')}

  if (status === 'error') {
    return <p role="alert">Could not load ${plural(plan.entity)} for {scopeId}.</p>;
  }
  return (
    <section className="${plan.entity}-panel" aria-busy={busy}>
      <header>
        <h2>{title}</h2>
        <input value={query} placeholder="Search ${plural(plan.entity)}" onChange={(event) => setQuery(event.target.value)} />
      </header>
      <table>
        <tbody>
          {visible.map((item${rows.length ? ', index' : ''}) => ${rows.length ? `{\n            const Row = ROW_KINDS[index % ROW_KINDS.length];\n            return (` : '('}
            ${rows.length ? `<Row key={String(item.id)} item={item} onPick={(id) => onSelect?.(id)} />` : `<tr key={String(item.id)}><td>{String(item.id)}</td></tr>`}
          ${rows.length ? '  );\n          })}' : '))}'}
        </tbody>
      </table>
      {visible.length === 0 && <p className="empty">No ${plural(plan.entity)} yet.</p>}
      <footer className="actions">
${handlers.map((_, i) => `        <button type="button" disabled={busy || !visible.length} onClick={() => void handler${i}(String(visible[0]?.id))}>${pascal(rng.pick(['open', 'refresh', 'share', 'archive', 'export', 'call']))}</button>`).join('\n')}
      </footer>
    </section>
  );
}
`;
}

function test(rng, plan) {
  const subjects = plan.imports.flatMap((i) => i.names).filter((n) => n.kind === 'fn' || n.kind === 'class');
  const cases = subjects.flatMap((s) =>
    Array.from({ length: rng.int(1, 4) }, (_, i) =>
      s.kind === 'class'
        ? `  it('${s.name} keeps state between calls (${i})', () => {\n    const instance = new ${s.name}();\n    expect(instance).toBeInstanceOf(${s.name});\n  });`
        : `  it('${s.name} handles ${rng.pick(['an empty list', 'missing fields', 'a slow server', 'unicode input', 'large input'])}', async () => {\n    vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(JSON.stringify({ items: [] })));\n    const result = await Promise.resolve(${s.name}(${rng.pick(["'scope-1'", '[]', '{}', '42'])} as never));\n    expect(result).not.toBeNull();\n  });`,
    ),
  );
  return `import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => vi.restoreAllMocks());

describe('${plan.entity}', () => {
${cases.join('\n\n')}
});
`;
}

function barrel(_rng, plan) {
  return plan.reexports.map((module) => `export * from '${specifier(plan.path, module.path)}';`).join('\n') + '\n';
}

const KINDS = { service, util, commonjs, hook, types, store, component, test, barrel };

const ROLES = {
  service: (p) => `Talks to the ${p.entity} API: listing, saving and de-duplicating requests.`,
  util: (p) => `Helpers for ${plural(p.entity)}: formatting, grouping and validation.`,
  commonjs: (p) => `Legacy ${p.entity} helpers still loaded with require() by the build scripts.`,
  hook: (p) => `React hook that loads ${plural(p.entity)} for a scope and keeps them fresh.`,
  types: (p) => `Shapes of ${p.entity} records as the API returns them.`,
  store: (p) => `Reducer for the ${p.entity} slice of the app state.`,
  component: (p) => `UI for browsing ${plural(p.entity)}.`,
  test: (p) => `Unit tests for the ${p.entity} module.`,
  barrel: (p) => `Public surface of the ${p.feature} feature.`,
};

export function moduleText(rng, plan) {
  const body = KINDS[plan.kind](rng, plan).split('\n');
  // Package imports a template starts with (react, vitest) go above the app's own, as people order them.
  const own = [];
  while (body[0]?.startsWith('import ')) own.push(body.shift());
  while (body[0] === '') body.shift();
  const imports = [...own, ...importLines(plan)];
  return `// ${ROLES[plan.kind](plan)}\n${imports.length ? `${imports.join('\n')}\n\n` : ''}${body.join('\n')}`;
}
