// Neovim 0.7 (Debian) headless as the LSP client: test/editors/neovim/lsp-test.lua waits for the stdio server's diagnostics on a fixture.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { ROOT, tempFolder } from '../lsp/client.js';
import { ID_MAX_BYTES_HELP } from '../lsp/fixtures.js';
import { copyFolder, paths, requireTools, runCommand } from './tools.js';

const LSP_TEST = path.join(ROOT, 'test', 'editors', 'neovim', 'lsp-test.lua');
const DIAGNOSTIC = {
  lnum: 1,
  col: 31,
  end_lnum: 1,
  end_col: 46,
  severity: 1,
  source: 'callstats-lint',
  message: `userID is 300 bytes in UTF-8 (300 characters); the limit is 256\n${ID_MAX_BYTES_HELP}`,
  code: 'id-max-bytes',
};

/** Runs Neovim on `file` in `cwd` with lsp-test.lua, its state in a temp folder; returns what the script wrote. */
async function nvim(t: { diagnostic(message: string): void }, cwd: string, args: string[], env: NodeJS.ProcessEnv): Promise<unknown> {
  const home = tempFolder('callstats-nvim-home-');
  const out = path.join(home, 'diagnostics.json');
  const run = await runCommand(paths.nvim, ['--headless', '-n', ...args, '-c', `luafile ${LSP_TEST}`], {
    cwd,
    // Neovim's state, shada and logs go to the temp folder, not the home folder.
    env: { ...process.env, ...env, DIAG_OUT: out, XDG_DATA_HOME: home, XDG_CONFIG_HOME: home, XDG_STATE_HOME: home, XDG_CACHE_HOME: home },
    timeoutMs: 50_000,
  });
  t.diagnostic(`nvim run took ${run.ms} ms`);
  assert.equal(run.code, 0, run.output);
  return JSON.parse(fs.readFileSync(out, 'utf8'));
}

test('Neovim: diagnostics from callstats-lint-server --stdio', { timeout: 60_000 }, async (t) => {
  requireTools('nvim');
  const folder = copyFolder(path.join(ROOT, 'test', 'editors', 'fixtures'), 'callstats-nvim-ws-');
  const result = await nvim(t, folder, ['--clean', 'repeat.js'], { LSP_SERVER: path.join(ROOT, 'bin', 'callstats-lint-server.js') });
  assert.deepEqual(result, { ok: true, file: path.join(folder, 'repeat.js'), roots: [folder], diagnostics: [DIAGNOSTIC] });
});

/** The Lua block of docs/editors.md that sets Neovim 0.7 up. */
function setUpFor07(): string {
  const blocks = [...fs.readFileSync(path.join(ROOT, 'docs', 'editors.md'), 'utf8').matchAll(/```lua\n([\s\S]*?)```/g)].map((m) => m[1]);
  const block = blocks.find((b) => b.includes('vim.lsp.start_client'));
  assert.ok(block, 'docs/editors.md has the Neovim 0.7 set-up');
  return block;
}

test('Neovim: the set-up in docs/editors.md, with the file opened by a relative path (nvim src/app.js)', { timeout: 60_000 }, async (t) => {
  requireTools('nvim');
  const project = tempFolder('callstats-nvim-project-');
  fs.writeFileSync(path.join(project, 'package.json'), '{ "name": "app" }\n');
  fs.mkdirSync(path.join(project, 'src'));
  fs.copyFileSync(path.join(ROOT, 'test', 'editors', 'fixtures', 'repeat.js'), path.join(project, 'src', 'app.js'));
  const config = tempFolder('callstats-nvim-init-');
  fs.writeFileSync(path.join(config, 'init.lua'), setUpFor07());
  // The snippet runs `callstats-lint-server` from PATH, as an installed package puts it there.
  fs.writeFileSync(path.join(config, 'callstats-lint-server'), `#!/bin/sh\nexec "${process.execPath}" "${path.join(ROOT, 'bin', 'callstats-lint-server.js')}" "$@"\n`, { mode: 0o755 });
  const env = { PATH: `${config}:${process.env.PATH}` };
  const result = await nvim(t, project, ['-u', path.join(config, 'init.lua'), path.join('src', 'app.js')], env);
  // The root is the folder with package.json, absolute: the server takes its file URL.
  assert.deepEqual(result, { ok: true, file: path.join(project, 'src', 'app.js'), roots: [project], diagnostics: [DIAGNOSTIC] });
  // Opened from below the root, by a path that climbs out and back.
  const fromSrc = await nvim(t, path.join(project, 'src'), ['-u', path.join(config, 'init.lua'), path.join('..', 'src', 'app.js')], env);
  assert.deepEqual(fromSrc, { ok: true, file: path.join(project, 'src', 'app.js'), roots: [project], diagnostics: [DIAGNOSTIC] });
});
