// A real LSP client for the tests: spawns bin/callstats-lint-server.js --stdio (or a test's own server entry) and records what the server sends.

import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  AbstractMessageWriter,
  CancellationTokenSource,
  StreamMessageReader,
  createProtocolConnection,
  type ClientCapabilities,
  type InitializeResult,
  type Message,
  type MessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type ShowMessageParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { TextDocument, type TextEdit } from 'vscode-languageserver-textdocument';
import type { AnalysisStatus } from '../../server/src/lsp/protocol.js';

/** The server with faults planted (test/lsp/faulty-server.entry.ts), as built next to the tests. */
export const FAULTY_SERVER = path.join(__dirname, '..', 'lsp', 'faulty-server.entry.js');

export const ROOT = (() => {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'bin', 'callstats-lint-server.js'))) return dir;
    if (path.dirname(dir) === dir) throw new Error('cannot find the package root above ' + __dirname);
  }
})();

export const uriOf = (file: string): string => pathToFileURL(file).href;

const temporary: string[] = [];
process.on('exit', () => {
  for (const dir of temporary) fs.rmSync(dir, { recursive: true, force: true });
});

/** A folder in the temp directory, removed when the test process exits. */
export function tempFolder(prefix: string): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  temporary.push(dir);
  return dir;
}

/** A fresh folder with the given files (relative path → text). */
export function workspace(files: Record<string, string>): string {
  const dir = tempFolder('callstats-lsp-');
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'javascript', 0, text), edits);
}

/**
 * Writes each message with one write() call, header and body together, so the bytes of writeRaw()
 * can never land inside a message (vscode-jsonrpc's writer writes the header and the body apart).
 */
class WholeMessageWriter extends AbstractMessageWriter implements MessageWriter {
  constructor(private readonly stream: NodeJS.WritableStream) {
    super();
  }

  write(message: Message): Promise<void> {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    const frame = Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
    return new Promise((resolve, reject) => this.stream.write(frame, (error) => (error ? reject(error) : resolve())));
  }

  end(): void {
    this.stream.end();
  }
}

export interface StartOptions {
  folders: string[];
  /** Declare pull diagnostics (textDocument/diagnostic) and workspace/diagnostic/refresh support. */
  pull: boolean;
  /** What workspace/configuration answers for section callstatsLint, per scopeUri ('*': any). */
  settings?: Record<string, unknown>;
  env?: Record<string, string>;
  /** What initialize sends as processId (default: this test process). */
  processId?: number | null;
  /** Another server program than the bin (a test entry built into out/test). */
  server?: string;
  /** More arguments for the server after --stdio, and for node before the server's path. */
  args?: string[];
  execArgv?: string[];
  /** Workspace folders given by URI as they are, after `folders` (URIs no local path stands for, say). */
  folderUris?: string[];
}

export class TestClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly messages: ShowMessageParams[] = [];
  readonly statuses: AnalysisStatus[] = [];
  readonly progress: unknown[] = [];
  readonly configurationRequests: unknown[] = [];
  /** Every message the server sent, in order, including answers no request of this client awaits. */
  readonly received: Record<string, unknown>[] = [];
  refreshes = 0;
  settings: Record<string, unknown>;
  /** While set, answers to workspace/configuration wait for it: holds the server at a known point. */
  configurationGate: Promise<void> | undefined;
  capabilities!: InitializeResult['capabilities'];
  private readonly versions = new Map<string, number>();
  private readonly listeners = new Set<() => void>();
  private readonly stderr: string[] = [];

  private constructor(
    private readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
    options: StartOptions,
  ) {
    this.settings = options.settings ?? {};
  }

  static async start(options: StartOptions): Promise<TestClient> {
    const server = options.server ?? path.join(ROOT, 'bin', 'callstats-lint-server.js');
    const child = spawn(process.execPath, [...(options.execArgv ?? []), server, '--stdio', ...(options.args ?? [])], {
      env: { ...process.env, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const reader = new StreamMessageReader(child.stdout!);
    const connection = createProtocolConnection(reader, new WholeMessageWriter(child.stdin!));
    const client = new TestClient(child, connection, options);
    const listen = reader.listen.bind(reader);
    reader.listen = (callback) =>
      listen((message) => {
        client.received.push(message as unknown as Record<string, unknown>);
        callback(message);
        client.notify();
      });
    child.stderr!.on('data', (d: Buffer) => {
      client.stderr.push(d.toString());
      client.notify();
    });
    client.wire();
    connection.listen();
    const capabilities: ClientCapabilities = {
      workspace: {
        configuration: true,
        didChangeWatchedFiles: { dynamicRegistration: true },
        workspaceFolders: true,
        ...(options.pull ? { diagnostics: { refreshSupport: true } } : {}),
      },
      textDocument: {
        synchronization: { didSave: true },
        publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
        hover: { contentFormat: ['markdown'] },
        ...(options.pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
      },
      window: { workDoneProgress: true },
    };
    const result = await connection.sendRequest('initialize', {
      processId: options.processId === undefined ? process.pid : options.processId,
      rootUri: options.folders[0] ? uriOf(options.folders[0]) : null,
      workspaceFolders: [...options.folders.map((f) => ({ uri: uriOf(f), name: path.basename(f) })), ...(options.folderUris ?? []).map((uri) => ({ uri, name: uri }))],
      capabilities,
    });
    client.capabilities = (result as InitializeResult).capabilities;
    await connection.sendNotification('initialized', {});
    return client;
  }

  private wire(): void {
    const c = this.connection;
    const record = <T>(list: T[]) => (params: T) => {
      list.push(params);
      this.notify();
    };
    c.onNotification('textDocument/publishDiagnostics', record(this.published));
    c.onNotification('window/showMessage', record(this.messages));
    c.onNotification('callstatsLint/status', record(this.statuses));
    c.onNotification('$/progress', record(this.progress));
    c.onNotification('window/logMessage', () => undefined);
    c.onRequest('workspace/configuration', async (params: { items: { scopeUri?: string; section?: string }[] }) => {
      this.configurationRequests.push(params);
      this.notify();
      await this.configurationGate;
      return params.items.map((item) => (item.scopeUri && item.scopeUri in this.settings ? this.settings[item.scopeUri] : this.settings['*']) ?? null);
    });
    c.onRequest('client/registerCapability', () => null);
    c.onRequest('window/workDoneProgress/create', () => null);
    c.onRequest('window/showMessageRequest', () => null);
    c.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes++;
      this.notify();
      return null;
    });
  }

  notify(): void {
    for (const listener of this.listeners) listener();
  }

  /** Resolves with check()'s first truthy answer, re-checked on every message the server sends. */
  waitFor<T>(what: string, check: () => T | undefined | false, timeoutMs = 15000): Promise<T> {
    return new Promise((resolve, reject) => {
      const done = (fn: () => void) => {
        this.listeners.delete(listener);
        clearTimeout(timer);
        fn();
      };
      const listener = () => {
        const value = check();
        if (value) done(() => resolve(value));
      };
      const timer = setTimeout(
        () => done(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; server stderr: ${this.stderr.join('')}`))),
        timeoutMs,
      );
      this.listeners.add(listener);
      listener();
    });
  }

  /** The latest diagnostics published for a file, once there are `count` publications of it. */
  lastPublished(file: string): PublishDiagnosticsParams | undefined {
    const uri = uriOf(file);
    return this.published.filter((p) => p.uri === uri).at(-1);
  }

  /** Waits for a publication for `file` that arrives after this call and satisfies `accept`. */
  nextPublished(file: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    const uri = uriOf(file);
    const from = this.published.length;
    return this.waitFor(`diagnostics for ${path.basename(file)}`, () =>
      this.published.slice(from).find((p) => p.uri === uri && accept(p)),
    );
  }

  open(file: string, text = fs.readFileSync(file, 'utf8'), languageId = 'javascript'): Promise<void> {
    this.versions.set(file, 1);
    return this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: uriOf(file), languageId, version: 1, text },
    });
  }

  change(file: string, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    const version = (this.versions.get(file) ?? 1) + 1;
    this.versions.set(file, version);
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uriOf(file), version }, contentChanges: changes });
  }

  close(file: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uriOf(file) } });
  }

  request<R>(method: string, params: unknown, cancel?: CancellationTokenSource): Promise<R> {
    // An undefined trailing argument would be sent as a positional parameter.
    return (cancel ? this.connection.sendRequest(method, params, cancel.token) : this.connection.sendRequest(method, params)) as Promise<R>;
  }

  get exitCode(): number | null {
    return this.child.exitCode;
  }

  get pid(): number {
    return this.child.pid!;
  }

  get stderrText(): string {
    return this.stderr.join('');
  }

  /**
   * Bytes straight onto the server's stdin, between two whole messages of this client. Several
   * pieces are written back to back: nothing the client sends can come between them.
   */
  writeRaw(data: string | Buffer | Buffer[]): Promise<void> {
    const pieces = Array.isArray(data) ? data : [data];
    const written = pieces.map((piece) => new Promise<void>((resolve, reject) => this.child.stdin!.write(piece, (error) => (error ? reject(error) : resolve()))));
    return Promise.all(written).then(() => undefined);
  }

  /** The client side of stdin goes away, as when the editor dies. */
  closeStdin(): void {
    this.child.stdin!.end();
  }

  /** The client stops reading what the server writes. */
  closeStdout(): void {
    this.child.stdout!.destroy();
  }

  /** Resolves with the exit code once the server process is gone; rejects after `timeoutMs`. */
  exited(timeoutMs = 15000): Promise<number | null> {
    return new Promise((resolve, reject) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) return resolve(this.child.exitCode);
      const timer = setTimeout(() => reject(new Error(`the server did not exit within ${timeoutMs} ms; stderr: ${this.stderrText}`)), timeoutMs);
      this.child.once('exit', (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
      await exited;
    }
    this.connection.dispose();
  }
}
