// The command line program of the .vsix (its dist/cli.js), which the editor's "lint workspace" task runs; the npm bin requires dist/cli.js itself.
import { main } from './cli.js';

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
