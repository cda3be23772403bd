import assert from 'node:assert/strict';
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SOCKET_DIR, startApp, type App } from './fixture.js';

/** A raw connection to the agent: write lines, read reply lines. */
class Raw {
  private buffer = '';
  private waiters: ((line: string) => void)[] = [];
  readonly closed: Promise<void>;
  constructor(readonly socket: Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      let i: number;
      while ((i = this.buffer.indexOf('\n')) >= 0) {
        const line = this.buffer.slice(0, i);
        this.buffer = this.buffer.slice(i + 1);
        this.waiters.shift()?.(line);
      }
    });
    this.closed = new Promise((resolve) => socket.on('close', () => resolve()));
  }
  static open(path: string): Promise<Raw> {
    return new Promise((resolve, reject) => {
      const s = connect(path, () => resolve(new Raw(s)));
      s.on('error', reject);
    });
  }
  next(): Promise<any> {
    return new Promise((resolve) => this.waiters.push((line) => resolve(JSON.parse(line))));
  }
  async send(message: unknown): Promise<any> {
    const reply = this.next();
    this.socket.write(`${typeof message === 'string' ? message : JSON.stringify(message)}\n`);
    return reply;
  }
}

let app: App;
let path: string;
before(async () => {
  app = await startApp();
  path = join(SOCKET_DIR, `${app.pid}.sock`);
});
after(() => app.child.kill());

describe('nobody else gets in', () => {
  it(
    'refuses another user: a process running as nobody cannot connect',
    { skip: process.getuid?.() !== 0 ? 'needs root to start a process as nobody' : false },
    async () => {
      const script = `require('net').connect(${JSON.stringify(path)}).on('connect', () => { console.log('connected'); process.exit(0); }).on('error', (e) => { console.log(e.code); process.exit(0); });`;
      const r = await new Promise<{ stdout: string }>((resolve) => {
        void import('node:child_process').then(({ execFile }) =>
          execFile(process.execPath, ['-e', script], { uid: 65534, gid: 65534, cwd: '/' }, (_error, stdout) =>
            resolve({ stdout }),
          ),
        );
      });
      assert.equal(r.stdout.trim(), 'EACCES');
    },
  );
});

describe('the agent survives bad messages', () => {
  it('answers malformed, out-of-order and unknown requests with errors, and goes on', async () => {
    const raw = await Raw.open(path);
    assert.equal((await raw.send('{not json')).error.code, -32700);
    assert.equal((await raw.send({ jsonrpc: '2.0', id: 1, method: 'status' })).error.code, 3);
    assert.equal((await raw.send({ id: 2, method: 'hello' })).error.code, -32600);
    assert.match(
      (await raw.send({ jsonrpc: '2.0', id: 3, method: 'hello', params: { protocol: 99 } })).error.message,
      /protocol 99 is not supported; this agent speaks 1/,
    );
    assert.deepEqual((await raw.send({ jsonrpc: '2.0', id: 4, method: 'hello', params: { protocol: 1 } })).result, {
      protocol: 1,
      pid: app.pid,
    });
    const unknown = (await raw.send({ jsonrpc: '2.0', id: 5, method: 'launch' })).error;
    assert.equal(unknown.code, -32601);
    assert.equal(
      unknown.message,
      "no method 'launch' (known: hello, status, functions, attach, detach, audit, watch, inject)",
    );
    assert.equal(
      (await raw.send({ jsonrpc: '2.0', id: 6, method: 'detach', params: { ids: 'x' } })).error.code,
      -32602,
    );
    assert.equal(
      (await raw.send({ jsonrpc: '2.0', id: 7, method: 'detach', params: { ids: ['nope'] } })).error.code,
      2,
    );
    assert.equal((await raw.send({ jsonrpc: '2.0', id: 8, method: 'functions', params: [] })).error.code, -32602);
    const ok = await raw.send({ jsonrpc: '2.0', id: 9, method: 'status' });
    assert.equal(ok.result.pid, app.pid);
    raw.socket.end();
  });

  it('refuses an oversized message, closes that connection, and serves the next', async () => {
    const raw = await Raw.open(path);
    const reply = raw.next();
    raw.socket.write('x'.repeat((4 << 20) + 16));
    assert.match((await reply).error.message, /message too large/);
    await raw.closed;
    const again = await Raw.open(path);
    assert.equal(
      (await again.send({ jsonrpc: '2.0', id: 1, method: 'hello', params: { protocol: 1 } })).result.pid,
      app.pid,
    );
    again.socket.end();
  });
});

describe('TCP only when asked, loopback, with a token', () => {
  it('refuses a TCP client without the token and serves one with it', async () => {
    const port = 20000 + (process.pid % 20000);
    const token = 'secret-token-of-at-least-32-characters';
    const tcpApp = await startApp(process.execPath, { KHEIRON_AGENT_TCP: String(port), KHEIRON_AGENT_TOKEN: token });
    try {
      const open = (): Promise<Raw> =>
        new Promise((resolve, reject) => {
          const s = connect(port, '127.0.0.1', () => resolve(new Raw(s)));
          s.on('error', reject);
        });
      const bad = await open();
      assert.match(
        (await bad.send({ jsonrpc: '2.0', id: 1, method: 'hello', params: { protocol: 1, token: 'guess' } })).error
          .message,
        /must present the token/,
      );
      await bad.closed; // one attempt per connection
      const good = await open();
      assert.equal(
        (await good.send({ jsonrpc: '2.0', id: 1, method: 'hello', params: { protocol: 1, token } })).result.pid,
        tcpApp.pid,
      );
      good.socket.end();
    } finally {
      tcpApp.child.kill();
    }
  });

  it("has no TCP listener by default: the only listening TCP socket is the app's own server", () => {
    const inodes = new Set(
      readdirSync(`/proc/${app.pid}/fd`)
        .map((fd) => {
          try {
            return /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${app.pid}/fd/${fd}`))?.[1];
          } catch {
            return undefined;
          }
        })
        .filter((x): x is string => x !== undefined),
    );
    const listening = ['tcp', 'tcp6'].flatMap((file) =>
      readFileSync(`/proc/${app.pid}/net/${file}`, 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => line.trim().split(/\s+/))
        .filter((f) => f[3] === '0A' && inodes.has(f[9]!))
        .map((f) => parseInt(f[1]!.split(':')[1]!, 16)),
    );
    assert.deepEqual(listening, [app.port]);
  });
});
