import { createHash, timingSafeEqual } from 'node:crypto';
import type { Socket } from 'node:net';
import type { AgentOptions } from './agent.js';
import type { MethodContext } from './methods/method.js';
import { ERRORS, LIMITS, LineReader, MAX_MESSAGE, PROTOCOL_VERSION, RpcError, type Request } from './protocol.js';
import { closeWith, notify, reply, type Session } from './session.js';

/** The handshake: the one method before the table, and the first of every connection. */
const HELLO = 'hello';

/**
 * The agent's side of each connection: reads its messages within the limits, answers them
 * one at a time, in order, through `hello` and then the method table (methods/index.ts).
 */
export class ControlServer {
  private unauthenticated = 0;
  private readonly expectedToken: Buffer | undefined;
  private table:
    Promise<{ methods: typeof import('./methods/index.js').METHODS; engine: MethodContext['engine'] }> | undefined;

  constructor(
    private readonly options: AgentOptions,
    /** The TCP clients' token, when the agent listens on TCP. */
    token?: string,
  ) {
    this.expectedToken = token === undefined ? undefined : createHash('sha256').update(token).digest();
  }

  /** The listener of a server's connections: Unix (`tcp` false) or TCP. */
  connection(tcp: boolean): (socket: Socket) => void {
    return (socket) => {
      socket.unref();
      socket.on('error', () => {});
      if (tcp && this.unauthenticated >= LIMITS.unauthenticatedConnections) {
        socket.destroy();
        return;
      }
      this.open(socket, tcp);
    };
  }

  private open(socket: Socket, tcp: boolean): void {
    const session: Session = {
      socket,
      reader: undefined as unknown as LineReader,
      greeted: false,
      tcp,
      queue: [],
      queued: 0,
      busy: false,
      next: () => void this.pump(session),
      closing: false,
      dropped: new Map(),
      closers: [],
    };
    session.reader = new LineReader(
      (line) => {
        session.queue.push(line);
        session.queued += line.length;
        // Messages wait while one is answered; past a message's worth, nothing more is read.
        if (session.queued > session.reader.max) socket.pause();
        void this.pump(session);
      },
      () => closeWith(session, ERRORS.invalidRequest, 'message too large'),
      tcp ? LIMITS.unauthenticatedMessage : MAX_MESSAGE,
    );
    // A TCP connection counts against the limit until it has authenticated, or has gone.
    let counted = tcp;
    const uncount = (): void => {
      if (counted) this.unauthenticated--;
      counted = false;
    };
    if (tcp) {
      this.unauthenticated++;
      const late = `not authenticated within ${LIMITS.authenticateMs / 1000} s`;
      session.authentication = setTimeout(
        () => closeWith(session, ERRORS.invalidRequest, late),
        LIMITS.authenticateMs,
      ).unref();
    }
    timeMessages(session);
    socket.on('close', () => {
      uncount();
      session.closing = true;
      session.reader.stop();
      for (const timer of [session.stall, session.message, session.authentication]) clearTimeout(timer);
      for (const close of session.closers.splice(0)) close();
    });
    session.greetedHook = () => {
      uncount();
      clearTimeout(session.authentication);
      session.reader.max = MAX_MESSAGE;
    };
  }

  /** Answers the queued messages one at a time, while the client reads what it is sent. */
  private async pump(session: Session): Promise<void> {
    if (session.busy) return;
    session.busy = true;
    try {
      while (session.queue.length > 0 && !session.closing && !session.stall) {
        const line = session.queue.shift()!;
        session.queued -= line.length;
        await this.handle(session, line);
      }
    } finally {
      session.busy = false;
    }
    if (!session.closing && !session.stall && session.queued <= session.reader.max) session.socket.resume();
  }

  private async handle(session: Session, line: string): Promise<void> {
    if (session.closing) return;
    // Before it has authenticated, a TCP client gets one message: a hello with the token.
    const tcpFirst = session.tcp && !session.greeted;
    let request: Request;
    try {
      request = JSON.parse(line) as Request;
    } catch {
      reply(session, { jsonrpc: '2.0', id: null, error: { code: ERRORS.parse, message: 'not valid JSON' } });
      if (tcpFirst) closeWith(session);
      return;
    }
    const id = request && (typeof request.id === 'string' || typeof request.id === 'number') ? request.id : null;
    try {
      const result = await this.dispatch(session, checkRequest(request), request.params ?? {});
      reply(session, { jsonrpc: '2.0', id, result });
    } catch (error) {
      const e =
        error instanceof RpcError
          ? error
          : new RpcError(ERRORS.internal, error instanceof Error ? error.message : String(error));
      reply(session, {
        jsonrpc: '2.0',
        id,
        error: { code: e.code, message: e.message, ...(e.data === undefined ? {} : { data: e.data }) },
      });
    }
    if (tcpFirst && !session.greeted) closeWith(session);
  }

  private async dispatch(session: Session, name: string, params: Record<string, unknown>): Promise<unknown> {
    if (name === HELLO) return this.hello(session, params);
    if (!session.greeted) throw new RpcError(ERRORS.outOfOrder, `'${HELLO}' must come first, got '${name}'`);
    await this.options.discover?.();
    this.table ??= import('./methods/index.js').then(({ METHODS, agentEngine }) => ({
      methods: METHODS,
      engine: agentEngine(this.options),
    }));
    const { methods, engine } = await this.table;
    const method = Object.prototype.hasOwnProperty.call(methods, name) ? methods[name] : undefined;
    if (!method)
      throw new RpcError(
        ERRORS.methodNotFound,
        `no method '${name}' (known: ${[HELLO, ...Object.keys(methods)].join(', ')})`,
      );
    const client = {
      notify: (method: string, value: unknown) => notify(session, method, value),
      closers: session.closers,
    };
    return method.run(method.params(params), { engine, options: this.options, client });
  }

  private async hello(session: Session, params: Record<string, unknown>): Promise<unknown> {
    if (params.protocol !== PROTOCOL_VERSION) {
      throw new RpcError(
        ERRORS.invalidParams,
        `protocol ${String(params.protocol)} is not supported; this agent speaks ${PROTOCOL_VERSION}`,
      );
    }
    if (session.tcp && !session.greeted && !this.tokenMatches(params.token)) {
      await new Promise((resolve) => setTimeout(resolve, LIMITS.failedAuthenticationDelayMs).unref());
      throw new RpcError(ERRORS.invalidRequest, 'a TCP client must present the token');
    }
    if (!session.greeted) {
      session.greeted = true;
      session.greetedHook?.();
    }
    return { protocol: PROTOCOL_VERSION, pid: process.pid };
  }

  private tokenMatches(token: unknown): boolean {
    if (!this.expectedToken || typeof token !== 'string') return false;
    // Compared as digests, in constant time: neither the length nor a prefix of the token leaks.
    return timingSafeEqual(createHash('sha256').update(token).digest(), this.expectedToken);
  }
}

/** The request's method, once it is a JSON-RPC 2.0 request whose params (if any) are an object. */
function checkRequest(request: Request): string {
  if (!request || typeof request !== 'object' || request.jsonrpc !== '2.0' || typeof request.method !== 'string') {
    throw new RpcError(ERRORS.invalidRequest, "expected a JSON-RPC 2.0 request: {jsonrpc: '2.0', id, method, params}");
  }
  const { params } = request;
  if (params !== undefined && (params === null || typeof params !== 'object' || Array.isArray(params))) {
    throw new RpcError(ERRORS.invalidParams, 'params must be an object');
  }
  return request.method;
}

/**
 * A message must arrive whole in time, counted from its first chunk, and without a long
 * silence in its middle: a client that trickles one is closed.
 */
function timeMessages(session: Session): void {
  const { socket } = session;
  let messageLine = 0;
  socket.on('data', (chunk: Buffer) => {
    session.reader.push(chunk);
    if (session.closing) return;
    if (session.reader.pending > 0) {
      if (!session.message || messageLine !== session.reader.lines) {
        clearTimeout(session.message);
        messageLine = session.reader.lines;
        const late = `a message must arrive whole within ${LIMITS.messageMs / 1000} s`;
        session.message = setTimeout(() => closeWith(session, ERRORS.invalidRequest, late), LIMITS.messageMs).unref();
        socket.setTimeout(LIMITS.idleInMessageMs);
      }
    } else if (session.message) {
      clearTimeout(session.message);
      session.message = undefined;
      socket.setTimeout(0);
    }
  });
  socket.on('timeout', () => {
    const idle = `no data for ${LIMITS.idleInMessageMs / 1000} s in the middle of a message`;
    if (session.reader.pending > 0) closeWith(session, ERRORS.invalidRequest, idle);
  });
}
