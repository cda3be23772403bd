import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { WebSocketClient } from '../../src/cli/websocket.js';

/*
 * The CLI's WebSocket client against a small server written here on node:http's upgrade:
 * the handshake, masked frames of each length encoding, frames cut anywhere, ping, close.
 */

interface Frame {
  opcode: number;
  masked: boolean;
  payload: Buffer;
}

/** A server frame: unmasked, as servers send them. */
function frame(opcode: number, payload: Buffer): Buffer {
  const length = payload.length;
  if (length < 126) return Buffer.concat([Buffer.from([0x80 | opcode, length]), payload]);
  if (length < 65536) return Buffer.concat([Buffer.from([0x80 | opcode, 126, length >> 8, length & 255]), payload]);
  const size = Buffer.alloc(8);
  size.writeBigUInt64BE(BigInt(length));
  return Buffer.concat([Buffer.from([0x80 | opcode, 127]), size, payload]);
}

/** Calls `onFrame` with each of the client's frames on `socket` as it completes. */
function readFrames(socket: Socket, onFrame: (frame: Frame) => void): void {
  let buffer = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    while (buffer.length >= 2) {
      const opcode = buffer[0]! & 0x0f;
      const masked = (buffer[1]! & 0x80) !== 0;
      let length = buffer[1]! & 0x7f;
      let offset = 2;
      if (length === 126) [length, offset] = [buffer.readUInt16BE(2), 4];
      else if (length === 127) [length, offset] = [Number(buffer.readBigUInt64BE(2)), 10];
      const mask = masked ? buffer.subarray(offset, offset + 4) : Buffer.alloc(4);
      if (masked) offset += 4;
      if (buffer.length < offset + length) return;
      const payload = Buffer.from(buffer.subarray(offset, offset + length));
      for (let i = 0; i < payload.length; i++) payload[i] = payload[i]! ^ mask[i & 3]!;
      buffer = buffer.subarray(offset + length);
      onFrame({ opcode, masked, payload });
    }
  });
}

/** What the server does with one upgrade request; the default accepts it. */
type OnUpgrade = (request: IncomingMessage, socket: Socket) => void;

const accept = (request: IncomingMessage, socket: Socket, extra: Buffer = Buffer.alloc(0)): void => {
  const key = String(request.headers['sec-websocket-key']);
  const digest = createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
  const head = `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${digest}\r\n\r\n`;
  socket.write(Buffer.concat([Buffer.from(head, 'latin1'), extra]));
};

let onUpgrade: OnUpgrade = accept;
const server = createServer((_request, response) => response.writeHead(404).end());
// Upgraded sockets are the server's no more: kept here to be destroyed at the end.
const sockets = new Set<Socket>();
server.on('upgrade', (request: IncomingMessage, socket: Socket) => {
  sockets.add(socket);
  onUpgrade(request, socket);
});
let url = '';

before(async () => {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/devtools/x`;
});
after(() => {
  for (const socket of sockets) socket.destroy();
  server.closeAllConnections();
  server.close();
});

/** Accepts the next upgrade and gives its socket and the client's frames. */
async function connected(
  extra?: Buffer,
): Promise<{ client: WebSocketClient; socket: Socket; frames: Frame[]; request: IncomingMessage }> {
  let resolveServerSide: (value: { socket: Socket; request: IncomingMessage }) => void = () => {};
  const serverSide = new Promise<{ socket: Socket; request: IncomingMessage }>(
    (resolve) => (resolveServerSide = resolve),
  );
  const frames: Frame[] = [];
  onUpgrade = (request, socket) => {
    readFrames(socket, (f) => frames.push(f));
    accept(request, socket, extra);
    resolveServerSide({ socket, request });
  };
  const client = await WebSocketClient.connect(url);
  return { client, frames, ...(await serverSide) };
}

/** Waits until `condition` holds (the server has read what was sent). */
async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  assert.ok(condition(), what);
}

describe('the WebSocket client', () => {
  it('sends the handshake of RFC 6455 and tells its local port while it waits', async () => {
    let request: IncomingMessage | undefined;
    onUpgrade = (r, socket) => {
      request = r;
      accept(r, socket);
    };
    let waitingPort = -1;
    const client = await WebSocketClient.connect(url, 3000, (port) => (waitingPort = port));
    assert.equal(request?.url, '/devtools/x');
    assert.equal(request?.headers.upgrade, 'websocket');
    assert.equal(request?.headers['sec-websocket-version'], '13');
    assert.equal(Buffer.from(String(request?.headers['sec-websocket-key']), 'base64').length, 16);
    assert.equal(waitingPort, client.localPort);
    assert.ok(client.localPort > 0);
    client.close();
  });

  it('sends text in masked frames, in each of the three length encodings', async () => {
    const { client, frames } = await connected();
    const texts = ['hi ☃', 'm'.repeat(300), 'l'.repeat(70_000)];
    for (const text of texts) client.send(text);
    await until(() => frames.length === 3, 'three frames');
    assert.deepEqual(
      frames.map((f) => [f.opcode, f.masked, f.payload.toString('utf8')]),
      texts.map((text) => [1, true, text]),
    );
    client.close();
  });

  it('reads text frames cut anywhere, several in one chunk, and one that came with the handshake', async () => {
    const first = frame(1, Buffer.from('with the handshake'));
    const { client, socket } = await connected(first);
    const received: string[] = [];
    client.onMessage((text) => received.push(text));
    await until(() => received.length === 1, 'the frame sent with the 101');
    const texts = ['é'.repeat(10), 'x'.repeat(200), 'y'.repeat(66_000)];
    const bytes = Buffer.concat(texts.map((text) => frame(1, Buffer.from(text))));
    for (let i = 0; i < bytes.length; i += 7919) socket.write(bytes.subarray(i, i + 7919));
    socket.write(Buffer.concat([frame(1, Buffer.from('a')), frame(1, Buffer.from('b'))]));
    await until(() => received.length === 6, 'six messages');
    assert.deepEqual(received, ['with the handshake', ...texts, 'a', 'b']);
    client.close();
  });

  it('answers a ping with a pong of the same payload', async () => {
    const { client, socket, frames } = await connected();
    socket.write(frame(0x9, Buffer.from('are you there')));
    await until(() => frames.length === 1, 'a pong');
    assert.equal(frames[0]!.opcode, 0xa);
    assert.equal(frames[0]!.payload.toString(), 'are you there');
    client.close();
  });

  it('ends the connection when the server closes, and closes with a close frame itself', async () => {
    const byServer = await connected();
    byServer.socket.on('end', () => byServer.socket.end());
    byServer.socket.write(frame(0x8, Buffer.alloc(0)));
    await byServer.client.closed();

    const byClient = await connected();
    const ended = once(byClient.socket, 'end');
    byClient.client.close();
    await ended;
    assert.deepEqual(
      byClient.frames.map((f) => f.opcode),
      [0x8],
    );
    byClient.client.close();
    byClient.client.send('after close: dropped');
    byClient.socket.end();
    await byClient.client.closed();
  });

  it('says what the server answered when it refuses the upgrade', async () => {
    onUpgrade = (_request, socket) => socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
    await assert.rejects(WebSocketClient.connect(url), /the inspector refused the connection: HTTP 403/);
  });

  it('gives up after its timeout when the server does not answer', async () => {
    const held: Socket[] = [];
    onUpgrade = (_request, socket) => void held.push(socket);
    const start = performance.now();
    await assert.rejects(WebSocketClient.connect(url, 150), /the inspector did not answer/);
    assert.ok(performance.now() - start >= 140);
    for (const socket of held) socket.destroy();
  });

  it('fails to connect where nobody listens', async () => {
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const port = (closed.address() as AddressInfo).port;
    closed.close();
    await once(closed, 'close');
    await assert.rejects(WebSocketClient.connect(`ws://127.0.0.1:${port}/`), { code: 'ECONNREFUSED' });
  });
});
