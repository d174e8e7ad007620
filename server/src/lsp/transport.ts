// The stdio transport: base-protocol framing that recovers from a broken frame, and JSON-RPC errors for what is not a message.
import { Console } from 'node:console';
import {
  AbstractMessageReader,
  ErrorCodes,
  StreamMessageWriter,
  type DataCallback,
  type Disposable,
  type Message,
  type MessageReader,
  type MessageWriter,
} from 'vscode-languageserver/node';

/**
 * vscode-jsonrpc's stream reader stops understanding the client for good after one bad
 * Content-Length (every later frame is read as part of the broken one), and drops invalid JSON and
 * invalid requests without an answer. This reader answers them as JSON-RPC says (-32700 Parse
 * error, -32600 Invalid Request) and finds the next frame, so one bad message costs one message.
 */
const HEADER_START = 'content-length:';
/**
 * A frame header inside a body: a valid JSON body cannot hold a raw CR LF inside a string, nor
 * this text outside one, so finding it means the declared Content-Length was too large.
 */
const HEADER_INSIDE_BODY = /content-length:[ \t]*\d+[ \t]*\r\n/i;
const HEADER_LINE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*(.*?)[ \t]*$/;
/** Headers are a few dozen bytes; this much without a blank line is not a header. */
const MAX_HEADER_BYTES = 8 * 1024;
const CRLF_CRLF = Buffer.from('\r\n\r\n', 'latin1');
/** Longer than any header line HEADER_INSIDE_BODY matches. */
const OVERLAP = 64;

type Parsed = { message: Message } | { error: { id: number | string | null; code: number; message: string } };

type Id = number | string | null;
const isId = (id: unknown): id is Id => id === null || typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id));

/** Sorts a parsed body into a message the connection can handle, or the error to answer. */
function classify(value: unknown): Parsed | undefined {
  const invalid = (id: Id, why: string): Parsed => ({ error: { id, code: ErrorCodes.InvalidRequest, message: `Invalid Request: ${why}` } });
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return invalid(null, Array.isArray(value) ? 'batches are not part of LSP' : 'a message must be a JSON object');
  }
  const message = value as Record<string, unknown>;
  // Emacs' eglot sends `"params": null` for shutdown and exit: no params, as far as the server goes.
  if (message.params === null) delete message.params;
  const id = isId(message.id) ? message.id : null;
  const structured = message.params === undefined || (typeof message.params === 'object' && message.params !== null);
  if (message.method === undefined) {
    const response = ('result' in message || 'error' in message) && message.id !== undefined && isId(message.id);
    return response ? { message: value as Message } : invalid(id, 'no "method"');
  }
  if (typeof message.method !== 'string') return invalid(id, '"method" must be a string');
  if (message.id === undefined) {
    // A notification is never answered, not even with an error: a broken one is dropped.
    if (!structured) return undefined;
    if (message.method === '$/cancelRequest' && !isId((message.params as { id?: unknown } | undefined)?.id)) return undefined;
    return { message: value as Message };
  }
  if (message.id === null || !isId(message.id)) return invalid(null, '"id" must be a string or a number');
  if (!structured) return invalid(id, '"params" must be an object or an array');
  return { message: value as Message };
}

/** Splits a byte stream into frames; what cannot be a frame becomes one Parse error, then reading resumes at the next header. */
class FrameParser {
  private buffer: Buffer = Buffer.alloc(0);
  /** The declared length of the body being read, or -1 while reading headers. */
  private bodyLength = -1;
  /** How far the body being read was searched for a header. */
  private scanned = 0;
  /** Set after answering a broken frame, so the garbage after it is skipped without a second answer. */
  private broken = false;

  /** Chunks of a long body, joined once it is complete: joining on every chunk would be quadratic. */
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** The last bytes seen, so a header split between two chunks is still found. */
  private tail: Buffer = Buffer.alloc(0);

  push(chunk: Buffer, out: (outcome: Parsed) => void): void {
    const seen = Buffer.concat([this.tail, chunk]);
    this.tail = seen.subarray(Math.max(0, seen.length - OVERLAP));
    const incomplete = this.bodyLength >= 0 && this.buffer.length + this.pendingBytes + chunk.length < this.bodyLength;
    if (incomplete && seen.toString('latin1').search(HEADER_INSIDE_BODY) < 0) {
      this.pending.push(chunk);
      this.pendingBytes += chunk.length;
      return;
    }
    this.buffer = Buffer.concat([this.buffer, ...this.pending, chunk]);
    // The pending chunks were searched for a header on arrival.
    if (this.pending.length) this.scanned = this.buffer.length - chunk.length;
    this.pending = [];
    this.pendingBytes = 0;
    for (;;) {
      if (this.bodyLength < 0 && !this.readHeaders(out)) return;
      if (this.bodyLength >= 0 && !this.readBody(out)) return;
    }
  }

  /** Reads a header block; false when more bytes are needed. */
  private readHeaders(out: (outcome: Parsed) => void): boolean {
    const end = this.buffer.indexOf(CRLF_CRLF);
    if (end < 0) {
      if (this.buffer.length <= MAX_HEADER_BYTES) return false;
      this.resync(out, 'no header');
      return true;
    }
    const length = contentLength(this.buffer.subarray(0, end).toString('latin1'));
    if (length === undefined) {
      this.resync(out, 'a frame without a valid Content-Length header');
      return true;
    }
    this.buffer = this.buffer.subarray(end + CRLF_CRLF.length);
    this.bodyLength = length;
    this.scanned = 0;
    return true;
  }

  /** Reads the body of the current frame; false when more bytes are needed. */
  private readBody(out: (outcome: Parsed) => void): boolean {
    const available = Math.min(this.buffer.length, this.bodyLength);
    const from = Math.max(0, this.scanned - OVERLAP);
    const inside = this.buffer.subarray(from, available).toString('latin1').search(HEADER_INSIDE_BODY);
    if (inside >= 0) {
      this.bodyLength = -1;
      this.buffer = this.buffer.subarray(from + inside);
      this.skipped(out, 'the Content-Length was larger than the body');
      return true;
    }
    this.scanned = available;
    if (this.buffer.length < this.bodyLength) return false;
    const body = this.buffer.subarray(0, this.bodyLength).toString('utf8');
    this.buffer = this.buffer.subarray(this.bodyLength);
    this.bodyLength = -1;
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch (error) {
      // Every well-framed body that is not JSON is answered; a wrong Content-Length leaves garbage
      // behind, which resync() then skips without a second answer.
      this.broken = true;
      out(parseError(`invalid JSON (${(error as Error).message})`));
      return true;
    }
    this.broken = false;
    const outcome = classify(value);
    if (outcome) out(outcome);
    return true;
  }

  /** Drops bytes up to the next thing that looks like a header (there are none before the first byte). */
  private resync(out: (outcome: Parsed) => void, why: string): void {
    this.skipped(out, why);
    const text = this.buffer.toString('latin1').toLowerCase();
    const next = text.indexOf(HEADER_START, 1);
    // Keep a tail that may be the start of a header still arriving.
    this.buffer = this.buffer.subarray(next > 0 ? next : Math.max(1, this.buffer.length - HEADER_START.length));
  }

  /** Bytes that are no frame were skipped: one answer for the lot. */
  private skipped(out: (outcome: Parsed) => void, why: string): void {
    if (this.broken) return;
    this.broken = true;
    out(parseError(why));
  }
}

const parseError = (why: string): Parsed => ({ error: { id: null, code: ErrorCodes.ParseError, message: `Parse error: ${why}` } });

/** The Content-Length of a header block, or undefined when the block is not a valid one. */
function contentLength(block: string): number | undefined {
  let length: number | undefined;
  for (const line of block.split('\r\n')) {
    const match = HEADER_LINE.exec(line);
    if (!match) return undefined;
    if (match[1].toLowerCase() !== 'content-length') continue;
    if (!/^\d{1,15}$/.test(match[2]) || (length !== undefined && length !== Number(match[2]))) return undefined;
    length = Number(match[2]);
  }
  return length;
}

class ResilientReader extends AbstractMessageReader implements MessageReader {
  constructor(
    private readonly input: NodeJS.ReadableStream,
    private readonly answer: (error: { id: Id; code: number; message: string }) => void,
    /** Sees each message first; false keeps it from the connection. */
    private readonly onMessage: (message: Message) => boolean,
  ) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    const parser = new FrameParser();
    const onData = (chunk: Buffer) =>
      parser.push(chunk, (outcome) => {
        if ('error' in outcome) return this.answer(outcome.error);
        if (this.onMessage(outcome.message)) callback(outcome.message);
      });
    const onError = (error: Error) => this.fireError(error);
    const onClose = () => this.fireClose();
    this.input.on('data', onData).on('error', onError).on('close', onClose);
    return { dispose: () => void this.input.off('data', onData).off('error', onError).off('close', onClose) };
  }
}

/**
 * The reader and writer for --stdio. The caller hands them to createConnection, which then does
 * not watch the streams itself: this exits when the client goes away (stdin ends, or stdout can no
 * longer be written), with the code the exit notification would give (0 after shutdown, else 1).
 */
export function stdioTransport(
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
): { reader: MessageReader; writer: MessageWriter } {
  let shutdown = false;
  const writer = new StreamMessageWriter(output);
  const answer = (error: { id: Id; code: number; message: string }) => {
    process.stderr.write(`callstats-lint: ${error.message}\n`);
    const { id, ...rest } = error;
    void writer.write({ jsonrpc: '2.0', id, error: rest } as Message).catch(() => undefined);
  };
  // After shutdown, LSP has requests answered with InvalidRequest and notifications but exit dropped.
  const reader = new ResilientReader(input, answer, (message) => {
    const { method, id } = message as { method?: string; id?: Id };
    if (method === undefined) return true;
    if (shutdown && id !== undefined) {
      answer({ id, code: ErrorCodes.InvalidRequest, message: `Invalid Request: ${method} after shutdown` });
      return false;
    }
    if (shutdown && method !== 'exit') return false;
    if (method === 'shutdown') shutdown = true;
    return true;
  });
  const exit = () => process.exit(shutdown ? 0 : 1);
  input.on('end', exit);
  input.on('close', exit);
  output.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') exit();
  });
  routeConsoleToStderr();
  return { reader, writer };
}

/** stdout carries the protocol: a stray console.log from any module must not corrupt it. */
function routeConsoleToStderr(): void {
  const toStderr = new Console(process.stderr, process.stderr);
  const names = ['log', 'info', 'debug', 'dir', 'dirxml', 'table', 'trace', 'count', 'countReset', 'time', 'timeEnd', 'timeLog', 'group', 'groupCollapsed', 'groupEnd', 'assert'] as const;
  for (const name of names) {
    (console as unknown as Record<string, unknown>)[name] = (toStderr[name] as (...args: unknown[]) => void).bind(toStderr);
  }
}
