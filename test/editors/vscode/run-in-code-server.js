// Runs VS Code extension tests in real VS Code (code-server + headless Chromium), like @vscode/test-electron's runTests.
// usage: node run-in-code-server.js <extensionDevelopmentPath> <extensionTestsPath> <workspaceFolder>
// env: CODE_SERVER_NODE (Node 24), CODE_SERVER_ENTRY (code-server's out/node/entry.js), PLAYWRIGHT_CORE,
//      CHROMIUM (default /usr/bin/chromium), TEST_TIMEOUT_MS, KEEP_TMP.
// Adapted from shared/recipes/run-ext-tests-in-code-server.js: a free port instead of a fixed one,
// a deadline on every wait, and the exit code of the extension-host test run as this process's.
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const util = require('node:util');

const { chromium } = require(process.env.PLAYWRIGHT_CORE || 'playwright-core');
const [extDev, extTests, folder] = process.argv.slice(2).map((p) => path.resolve(p));
const TIMEOUT = Number(process.env.TEST_TIMEOUT_MS || 180000);

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

const healthy = (port) =>
  new Promise((resolve) => {
    http.get(`http://127.0.0.1:${port}/healthz`, (r) => resolve(r.statusCode === 200)).on('error', () => resolve(false));
  });

/** Polls `check` until it is true or the deadline passes. */
async function until(check, deadline, what) {
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function main() {
  const t0 = Date.now();
  const deadline = t0 + TIMEOUT;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vscode-e2e-'));
  // code-server, Chromium and VS Code otherwise write into ~/.local/share, ~/.config and /tmp.
  const env = {
    ...process.env,
    XDG_DATA_HOME: path.join(tmp, 'xdg-data'),
    XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'),
    XDG_CACHE_HOME: path.join(tmp, 'xdg-cache'),
    TMPDIR: tmp,
  };
  const port = await freePort();
  fs.writeFileSync(path.join(tmp, 'config.yaml'), `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const server = spawn(
    process.env.CODE_SERVER_NODE || 'node',
    [
      process.env.CODE_SERVER_ENTRY || 'code-server',
      '--config', path.join(tmp, 'config.yaml'),
      '--user-data-dir', path.join(tmp, 'ud'),
      '--extensions-dir', path.join(tmp, 'ext'),
      '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
      '--disable-getting-started-override', '--ignore-last-opened',
      // A built product honours ?payload=extensionDevelopmentPath/extensionTestsPath only with this.
      '--vscode-option', 'enable-smoke-test-driver',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env },
  );
  server.stdout.on('data', (d) => process.stdout.write('[code-server] ' + d));
  server.stderr.on('data', (d) => process.stdout.write('[code-server] ' + d));
  let context;
  const finish = async (code) => {
    await context?.close().catch(() => undefined);
    server.kill('SIGTERM');
    if (code === 0 || !process.env.KEEP_TMP) fs.rmSync(tmp, { recursive: true, force: true });
    else console.log('kept', tmp);
    console.log(`runner: exit ${code} after ${Date.now() - t0} ms`);
    process.exit(code);
  };
  try {
    await until(() => healthy(port), deadline, 'code-server to answer /healthz');
    context = await chromium.launchPersistentContext(path.join(tmp, 'chromium'), {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      headless: true,
      env,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = context.pages()[0] || (await context.newPage());
    let exited;
    const done = new Promise((resolve) => (exited = resolve));
    await page.exposeFunction('codeAutomationLog', (type, args) => console.log(`[ext-host ${type}]`, util.format(...(args || []))));
    await page.exposeFunction('codeAutomationExit', (code) => exited(code));
    const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(extDev)],
      ['extensionTestsPath', remote(extTests)],
      ['skipWelcome', 'true'],
    ]);
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(payload)}`);
    const code = await Promise.race([done, new Promise((r) => setTimeout(() => r('timeout'), Math.max(deadline - Date.now(), 0)))]);
    if (code === 'timeout') console.log(`runner: the extension tests did not finish within ${TIMEOUT} ms`);
    await finish(code === 'timeout' ? 4 : code);
  } catch (error) {
    console.error('runner FAILED', error);
    await finish(2);
  }
}

main();
