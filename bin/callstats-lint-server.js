#!/usr/bin/env node
// The language server's command: a transport flag starts the server; --version and --help are answered without loading it.
'use strict';
const args = process.argv.slice(2);
const HELP = `Usage: callstats-lint-server --stdio | --node-ipc | --socket=PORT

The callstats-lint language server: the CLI's findings in the editor as you type, with quick fixes,
fix-all and hovers (set-up for VS Code, Neovim, Emacs and Helix: docs/editors.md).

Options:
  --stdio            speak LSP over standard input and output (most editors)
  --node-ipc         speak LSP over Node's IPC channel (the VS Code extension)
  --socket=PORT      speak LSP over a TCP socket on this machine
  -h, --help         show this help
  -v, --version      show the version
`;
const transport = args.some((arg) => arg === '--stdio' || arg === '--node-ipc' || arg.startsWith('--socket=') || arg.startsWith('--pipe='));
if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${require('../package.json').version}\n`);
} else if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(HELP);
} else if (!transport) {
  process.stderr.write('callstats-lint-server: give a transport: --stdio, --node-ipc or --socket=PORT (see --help)\n');
  process.exitCode = 2;
} else {
  require('../dist/server.js');
}
