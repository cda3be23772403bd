/**
 * The control protocol: newline-delimited JSON-RPC 2.0 over a local socket (docs/protocol.md).
 */
export const PROTOCOL_VERSION = 1;
/** Longest message accepted, in bytes: a rules module travels in one. */
export const MAX_MESSAGE = 4 << 20;

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

/** Splits a byte stream into lines, refusing any line longer than `max`. */
export class LineReader {
  private buffer = '';
  constructor(
    private readonly onLine: (line: string) => void,
    private readonly onOversized: () => void,
    private readonly max = MAX_MESSAGE,
  ) {}

  push(chunk: string): void {
    this.buffer += chunk;
    let newline: number;
    while ((newline = this.buffer.indexOf('\n')) >= 0) {
      const line = this.buffer.slice(0, newline);
      this.buffer = this.buffer.slice(newline + 1);
      if (line.length > this.max) this.onOversized();
      else if (line.trim() !== '') this.onLine(line);
    }
    if (this.buffer.length > this.max) {
      this.buffer = '';
      this.onOversized();
    }
  }
}
