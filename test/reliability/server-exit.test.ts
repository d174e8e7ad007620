// The client going away ends the server: stdin closing, the parent process dying, stdout closing, and exit with or without shutdown.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { test } from 'node:test';
import { TestClient, uriOf, workspace } from '../lsp/client.js';
import { REPEAT_JS } from '../lsp/fixtures.js';

/** The parent watch of vscode-languageserver checks every 3 s; this leaves room on a busy machine. */
const DEADLINE_MS = 12_000;

async function started(options: Partial<Parameters<typeof TestClient.start>[0]> = {}): Promise<TestClient> {
  const dir = workspace({ 'a.js': REPEAT_JS });
  const client = await TestClient.start({ folders: [dir], pull: true, ...options });
  // A real session: a document open and analysed, so the server has state and timers.
  await client.open(path.join(dir, 'a.js'));
  await client.request('textDocument/diagnostic', { textDocument: { uri: uriOf(path.join(dir, 'a.js')) } });
  return client;
}

/** No process with this id is left (the server is not lingering as an orphan). */
function gone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** A stand-in for the editor process whose id the server is given. */
function fakeParent(): Promise<{ pid: number; kill: () => Promise<void> }> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('spawn', () =>
      resolve({
        pid: child.pid!,
        kill: () => new Promise<void>((done) => (child.once('exit', () => done()), child.kill('SIGKILL'))),
      }),
    );
  });
}

test('stdin closing ends the server, with code 1 without shutdown', async () => {
  const client = await started();
  client.closeStdin();
  assert.equal(await client.exited(DEADLINE_MS), 1);
  assert.ok(gone(client.pid));
  await client.stop();
});

test('stdin closing after shutdown ends the server with code 0', async () => {
  const client = await started();
  await client.request('shutdown', undefined);
  client.closeStdin();
  assert.equal(await client.exited(DEADLINE_MS), 0);
  await client.stop();
});

test('exit without shutdown ends the server with code 1; after shutdown with code 0', async () => {
  const abrupt = await started();
  await abrupt.connection.sendNotification('exit');
  assert.equal(await abrupt.exited(DEADLINE_MS), 1);
  await abrupt.stop();

  const orderly = await started();
  await orderly.request('shutdown', undefined);
  await orderly.connection.sendNotification('exit');
  assert.equal(await orderly.exited(DEADLINE_MS), 0);
  await orderly.stop();
});

test('the process named by initialize.processId dying ends the server, stdin still open', async () => {
  const parent = await fakeParent();
  const client = await started({ processId: parent.pid });
  await parent.kill();
  assert.equal(await client.exited(DEADLINE_MS), 1);
  assert.ok(gone(client.pid));
  await client.stop();
});

test('the process named by --clientProcessId dying ends the server', async () => {
  const parent = await fakeParent();
  const client = await started({ processId: null, args: [`--clientProcessId=${parent.pid}`] });
  await parent.kill();
  assert.equal(await client.exited(DEADLINE_MS), 1);
  await client.stop();
});

test('the client no longer reading stdout ends the server at its next answer', async () => {
  const client = await started();
  client.closeStdout();
  // The answer cannot be delivered; writing it finds the pipe closed.
  void client.request('textDocument/hover', { textDocument: { uri: 'file:///nowhere.js' }, position: { line: 0, character: 0 } }).catch(() => undefined);
  assert.equal(await client.exited(DEADLINE_MS), 1);
  // An exit, not a crash: the library alone dies of an uncaught "Connection is closed".
  assert.doesNotMatch(client.stderrText, /Error|\n\s+at /);
  await client.stop();
});
