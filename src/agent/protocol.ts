/**
 * The control protocol: newline-delimited JSON-RPC 2.0 over a local socket (docs/protocol.md).
 */
export const PROTOCOL_VERSION = 1;
/** Longest message accepted, in bytes: a rules module travels in one. */
export const MAX_MESSAGE = 4 << 20;

/**
 * What one connection may cost the application. The agent runs in the application's process:
 * a client that misbehaves is cut off, never served at the application's expense.
 */
export const LIMITS = {
  /** Longest message before a TCP client has authenticated, in bytes (a `hello` is tiny). */
  unauthenticatedMessage: 16 << 10,
  /** TCP connections that have not authenticated yet, at once; more are closed as they come. */
  unauthenticatedConnections: 16,
  /** Time a TCP client has to authenticate. */
  authenticateMs: 10_000,
  /** Pause before the answer to a wrong token, then the connection is closed. */
  failedAuthenticationDelayMs: 250,
  /** Shortest token accepted for the TCP agent. */
  minTokenLength: 32,
  /** A connection that stops sending in the middle of a message is closed after this. */
  idleInMessageMs: 10_000,
  /** A message must arrive whole within this time of its first byte. */
  messageMs: 60_000,
  /**
   * Output buffered for one client, in bytes: over it, notifications are dropped and counted, and requests are not
   * read.
   */
  outputBuffer: 1 << 20,
  /** A client whose output stays over the buffer this long is disconnected. */
  stalledMs: 10_000,
  /** A rules module larger than this is refused. */
  rulesFile: 16 << 20,
};

export const ERRORS = {
  parse: -32700,
  invalidRequest: -32600,
  methodNotFound: -32601,
  invalidParams: -32602,
  internal: -32603,
  /** The rules were refused: nothing was attached. */
  rules: 1,
  /** A name given (a rule id) does not exist. */
  notFound: 2,
  /** Another request must come first (`hello`). */
  outOfOrder: 3,
} as const;

export interface Request {
  jsonrpc: '2.0';
  id?: string | number | null;
  method: string;
  params?: Record<string, unknown>;
}

export interface Response {
  jsonrpc: '2.0';
  id: string | number | null;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

/** A request's failure, carried back as a JSON-RPC error. */
export class RpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data?: unknown,
  ) {
    super(message);
  }
}

/**
 * Splits a byte stream into lines, refusing any line longer than `max` BYTES (UTF-8, as it
 * arrives). Linear: each byte is looked at once, whatever the chunk sizes; a partial line is
 * kept as its chunks and joined once, when its newline arrives.
 */
export class LineReader {
  private chunks: Buffer[] = [];
  private bytes = 0;
  /** After an oversized line: nothing more is read. */
  private stopped = false;
  constructor(
    private readonly onLine: (line: string) => void,
    private readonly onOversized: () => void,
    /** The byte limit of one line; may be raised later (a TCP client, once authenticated). */
    public max = MAX_MESSAGE,
  ) {}

  /** Lines completed so far. */
  lines = 0;

  /** Bytes of the line received so far without its newline. */
  get pending(): number {
    return this.bytes;
  }

  push(chunk: string | Buffer): void {
    if (this.stopped) return;
    const data = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    let start = 0;
    while (start < data.length) {
      const newline = data.indexOf(10, start);
      if (newline < 0) {
        this.bytes += data.length - start;
        if (this.bytes > this.max) return this.oversized();
        this.chunks.push(data.subarray(start));
        return;
      }
      const length = this.bytes + newline - start;
      if (length > this.max) return this.oversized();
      const line =
        this.chunks.length === 0
          ? data.subarray(start, newline)
          : Buffer.concat([...this.chunks, data.subarray(start, newline)], length);
      this.chunks = [];
      this.bytes = 0;
      this.lines++;
      start = newline + 1;
      const text = line.toString('utf8');
      if (text.trim() !== '') this.onLine(text);
      if (this.stopped) return;
    }
  }

  /** Reads nothing more (the connection is being closed). */
  stop(): void {
    this.stopped = true;
    this.chunks = [];
    this.bytes = 0;
  }

  private oversized(): void {
    this.stop();
    this.onOversized();
  }
}
