// Neovim 0.7 (Debian) headless as the LSP client: test/editors/neovim/lsp-test.lua attaches the stdio server to a fixture.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { ROOT, tempFolder } from '../lsp/client.js';
import { ID_MAX_BYTES_HELP } from '../lsp/fixtures.js';
import { copyFolder, paths, requireTools, runCommand } from './tools.js';

test('Neovim: diagnostics from callstats-lint-server --stdio', { timeout: 60_000 }, async (t) => {
  requireTools('nvim');
  const folder = copyFolder(path.join(ROOT, 'test', 'editors', 'fixtures'), 'callstats-nvim-ws-');
  const home = tempFolder('callstats-nvim-home-');
  const out = path.join(home, 'diagnostics.json');
  const run = await runCommand(
    paths.nvim,
    ['--headless', '--clean', '-n', 'repeat.js', '-c', `luafile ${path.join(ROOT, 'test', 'editors', 'neovim', 'lsp-test.lua')}`],
    {
      cwd: folder,
      // Neovim's state, shada and logs go to the temp folder, not the home folder.
      env: { ...process.env, LSP_SERVER: path.join(ROOT, 'bin', 'callstats-lint-server.js'), DIAG_OUT: out, XDG_DATA_HOME: home, XDG_CONFIG_HOME: home, XDG_STATE_HOME: home, XDG_CACHE_HOME: home },
      timeoutMs: 50_000,
    },
  );
  t.diagnostic(`nvim run took ${run.ms} ms`);
  assert.equal(run.code, 0, run.output);
  const result = JSON.parse(fs.readFileSync(out, 'utf8'));
  assert.deepEqual(result, {
    ok: true,
    file: path.join(folder, 'repeat.js'),
    diagnostics: [
      {
        lnum: 1,
        col: 31,
        end_lnum: 1,
        end_col: 46,
        severity: 1,
        source: 'callstats-lint',
        message: `userID is 300 bytes in UTF-8 (300 characters); the limit is 256\n${ID_MAX_BYTES_HELP}`,
        code: 'id-max-bytes',
      },
    ],
  });
});
