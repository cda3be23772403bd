import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

const EARLY_MAX = 100;

/**
 * The smallest WebSocket client the inspector needs: text frames, masked as a client
 * must, ping answered. Node 20 has no WebSocket client of its own.
 */
export class WebSocketClient {
  private buffer = Buffer.alloc(0);
  private readonly listeners: ((text: string) => void)[] = [];
  /**
   * Messages read before the first listener (one sent with the handshake's answer is read
   * before `connect` resolves): the first listener gets them. A client that never listens
   * keeps the first EARLY_MAX.
   */
  private early: string[] | undefined = [];

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.read();
    });
  }

  /** `whileWaiting` runs once the handshake is sent, while the server decides (its local port). */
  static connect(url: string, timeoutMs = 3000, whileWaiting?: (localPort: number) => void): Promise<WebSocketClient> {
    const { hostname, port, pathname } = new URL(url);
    const host = hostname.replace(/^\[(.*)\]$/, '$1');
    return new Promise((resolve, reject) => {
      const socket = connect({ host, port: Number(port) });
      const timer = setTimeout(() => socket.destroy(new Error('the inspector did not answer')), timeoutMs);
      let head = Buffer.alloc(0);
      const fail = (error: Error): void => {
        clearTimeout(timer);
        reject(error);
      };
      socket.on('error', fail);
      socket.on('connect', () => {
        socket.write(
          `GET ${pathname} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nConnection: Upgrade\r\nUpgrade: ` +
            `websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ` +
            `${randomBytes(16).toString('base64')}\r\n\r\n`,
        );
        whileWaiting?.(socket.localPort ?? 0);
      });
      const onData = (chunk: Buffer): void => {
        head = Buffer.concat([head, chunk]);
        const end = head.indexOf('\r\n\r\n');
        if (end < 0) return;
        socket.off('data', onData);
        socket.off('error', fail);
        clearTimeout(timer);
        const status = /^HTTP\/1\.1 (\d+)/.exec(head.subarray(0, end).toString('latin1'))?.[1];
        if (status !== '101') {
          socket.destroy();
          reject(new Error(`the inspector refused the connection: HTTP ${status}`));
          return;
        }
        const client = new WebSocketClient(socket);
        socket.on('error', () => {});
        if (head.length > end + 4) socket.emit('data', head.subarray(end + 4));
        resolve(client);
      };
      socket.on('data', onData);
    });
  }

  /** The local port of the connection, to tell it from others to the same server. */
  get localPort(): number {
    return this.socket.localPort ?? 0;
  }

  /** Resolves when the connection is gone. */
  closed(): Promise<void> {
    return new Promise((resolve) => (this.socket.destroyed ? resolve() : this.socket.once('close', () => resolve())));
  }

  onMessage(listener: (text: string) => void): void {
    this.listeners.push(listener);
    const early = this.early ?? [];
    this.early = undefined;
    for (const text of early) listener(text);
  }

  send(text: string): void {
    this.frame(0x1, Buffer.from(text, 'utf8'));
  }

  close(): void {
    if (this.socket.destroyed || this.socket.writableEnded) return;
    this.frame(0x8, Buffer.alloc(0));
    this.socket.end();
  }

  private message(text: string): void {
    if (!this.early) for (const l of this.listeners) l(text);
    else if (this.early.length < EARLY_MAX) this.early.push(text);
  }

  private frame(opcode: number, payload: Buffer): void {
    if (this.socket.destroyed || this.socket.writableEnded) return;
    const mask = randomBytes(4);
    const length = payload.length;
    const header =
      length < 126
        ? Buffer.from([0x80 | opcode, 0x80 | length])
        : length < 65536
          ? Buffer.from([0x80 | opcode, 0x80 | 126, length >> 8, length & 255])
          : Buffer.concat([Buffer.from([0x80 | opcode, 0x80 | 127]), bigLength(length)]);
    const masked = Buffer.alloc(length);
    for (let i = 0; i < length; i++) masked[i] = payload[i]! ^ mask[i & 3]!;
    this.socket.write(Buffer.concat([header, mask, masked]));
  }

  private read(): void {
    for (;;) {
      if (this.buffer.length < 2) return;
      const opcode = this.buffer[0]! & 0x0f;
      let length = this.buffer[1]! & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (this.buffer.length < 4) return;
        length = this.buffer.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (this.buffer.length < 10) return;
        length = Number(this.buffer.readBigUInt64BE(2));
        offset = 10;
      }
      if (this.buffer.length < offset + length) return;
      const payload = this.buffer.subarray(offset, offset + length);
      this.buffer = this.buffer.subarray(offset + length);
      if (opcode === 0x1) this.message(payload.toString('utf8'));
      else if (opcode === 0x9) this.frame(0xa, Buffer.from(payload));
      else if (opcode === 0x8) this.socket.end();
    }
  }
}

function bigLength(length: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(length));
  return b;
}
