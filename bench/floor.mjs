// The floor: only walks the tree, reads every JS/TS file and scans its text for callstats words; no linter can beat this.
import * as fs from 'node:fs';
import * as path from 'node:path';

const LINTABLE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const SKIPPED = new Set(['node_modules', '.git']);
/** The same words callstats-lint's pre-filter looks for (server/src/engine/sdk.ts STRONG_WORDS). */
const WORDS = /callstats|addNewFabric|associateMstWithUserID|reportUserIDChange|setIdentifiers|sendUserFeedback|sendFabricEvent|sendCallDetails|sendCustomStats|sendCustomEvent|fabricUsage|endpointType/i;

let files = 0;
let mentions = 0;
function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIPPED.has(entry.name)) walk(path.join(dir, entry.name));
    } else if (entry.isFile() && LINTABLE.test(entry.name)) {
      files++;
      if (WORDS.test(fs.readFileSync(path.join(dir, entry.name), 'utf8'))) mentions++;
    }
  }
}

for (const root of process.argv.slice(2).length ? process.argv.slice(2) : ['.']) walk(path.resolve(root));
process.stdout.write(JSON.stringify({ files, mentions }) + '\n');
