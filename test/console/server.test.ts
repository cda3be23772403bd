import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CLI, ROOT, runNode } from '../support/node.js';
import { chromiumPath } from './browser.js';
import { privateSocketDir, raw, startConsoleCli, startShop, stop } from './support.js';

/*
 * The console's HTTP side, without a browser: who it lets in, and that what it sends on to
 * the agents is checked as the CLI checks it.
 */

const INDEX = JSON.stringify(join(ROOT, 'dist/src/index.js'));
const RULES = mkdtempSync(join(tmpdir(), 'kheiron-console-rules-'));
writeFileSync(
  join(RULES, 'unknown.js'),
  `import { defineRules } from ${INDEX};\nexport default defineRules(\n  { id: 'good', target: 'Catalog.prototype.get', before() {} },\n  { id: 'bad', target: { name: 'Catalog.prototype.get', klass: 'Catalog' }, before() {} },\n);\n`,
);

const dir = privateSocketDir();
let shop: Awaited<ReturnType<typeof startShop>>;
let consoleCli: Awaited<ReturnType<typeof startConsoleCli>>;
let token: string;
let host: string;
let pageHeaders: Record<string, unknown>;

before(async () => {
  shop = await startShop(dir);
  consoleCli = await startConsoleCli(dir);
  host = new URL(consoleCli.base).host;
  const page = await raw(consoleCli.base, consoleCli.url, { headers: { host } });
  assert.equal(page.status, 200, page.text);
  pageHeaders = page.headers;
  token = /name="kheiron-token" content="([^"]+)"/.exec(page.text)![1]!;
});
after(async () => {
  await stop(consoleCli?.child);
  await stop(shop?.child);
});

const api = (path: string, options: { method?: string; headers?: Record<string, string>; body?: unknown } = {}) =>
  raw(consoleCli.base, path, {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers: {
      host,
      'x-kheiron-token': token,
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });

describe('the console lets in only its own page', () => {
  it('gives the page once for the printed one-time token, with a strict content policy, and refuses it without a token or a second time', async () => {
    const policy = String(pageHeaders['content-security-policy']);
    assert.match(policy, /default-src 'none'; script-src 'nonce-[^']+'; style-src 'nonce-[^']+'; connect-src 'self'/);
    assert.match(policy, /frame-ancestors 'none'/);
    assert.equal(pageHeaders['referrer-policy'], 'no-referrer');
    assert.equal(pageHeaders['cache-control'], 'no-store');
    const again = await raw(consoleCli.base, consoleCli.url, { headers: { host } });
    assert.equal(again.status, 403);
    assert.match(again.text, /no valid token/);
    assert.doesNotMatch(again.text, /kheiron-token/);
    const none = await raw(consoleCli.base, '/', { headers: { host } });
    assert.equal(none.status, 403);
    const wrong = await raw(consoleCli.base, '/?token=not-the-token', { headers: { host } });
    assert.equal(wrong.status, 403);
  });

  it('refuses API requests without the token in its header, with a wrong one, or with the token only in a cookie', async () => {
    for (const headers of [
      { 'x-kheiron-token': '' },
      { 'x-kheiron-token': 'x'.repeat(token.length) },
      { 'x-kheiron-token': '', cookie: `token=${token}` },
    ] as Record<string, string>[]) {
      const r = await api('/api/processes', { headers });
      assert.equal(r.status, 401, JSON.stringify(headers));
      assert.match(r.text, /refused/);
    }
  });

  it('refuses a request with a foreign Origin or from another site, even with the token', async () => {
    for (const headers of [
      { origin: 'http://evil.example' },
      { origin: 'null' },
      { origin: `http://127.0.0.1:${Number(new URL(consoleCli.base).port) + 1}` },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
    ] as Record<string, string>[]) {
      const r = await api('/api/processes', { headers });
      assert.equal(r.status, 403, JSON.stringify(headers));
      assert.match(r.text, /refused/);
    }
    const preflight = await api('/api/processes/1/detach', {
      method: 'OPTIONS',
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' },
    });
    assert.equal(preflight.status, 403);
    assert.equal(preflight.headers['access-control-allow-origin'], undefined);
    const detach = await api(`/api/processes/${shop.pid}/detach`, {
      body: { all: true },
      headers: { origin: 'http://evil.example' },
    });
    assert.equal(detach.status, 403);
  });

  it('refuses a Host other than its own (DNS rebinding), for the page and the API', async () => {
    const port = new URL(consoleCli.base).port;
    for (const h of [
      `evil.example:${port}`,
      'evil.example',
      `127.0.0.1.nip.io:${port}`,
      `127.0.0.1:${Number(port) + 1}`,
    ]) {
      const r = await api('/api/processes', { headers: { host: h } });
      assert.equal(r.status, 421, h);
      const page = await raw(consoleCli.base, '/', { headers: { host: h } });
      assert.equal(page.status, 421, h);
    }
    assert.equal((await api('/api/processes', { headers: { host: `localhost:${port}` } })).status, 200);
  });

  it('takes bodies only as JSON objects of bounded size', async () => {
    const form = await api(`/api/processes/${shop.pid}/detach`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'all=true' as unknown,
    });
    assert.equal(form.status, 415);
    const big = await api(`/api/processes/${shop.pid}/attach`, { body: { file: 'x'.repeat(70 << 10) } });
    assert.equal(big.status, 413);
  });
});

describe('the console over the agents', () => {
  it('lists the processes that kheiron ps lists', async () => {
    const r = await api('/api/processes');
    assert.equal(r.status, 200);
    const listed = JSON.parse(r.text) as { pid: number; responding: boolean; command: string; functions: number }[];
    const ps = await runNode(process.execPath, [CLI, 'ps', '--json'], { env: { KHEIRON_SOCKET_DIR: dir } });
    assert.deepEqual(
      listed.map((p) => p.pid),
      (JSON.parse(ps.stdout) as { pid: number }[]).map((p) => p.pid),
    );
    assert.equal(listed[0]!.pid, shop.pid);
    assert.equal(listed[0]!.responding, true);
    assert.match(listed[0]!.command, /examples\/shop\/main\.js/);
  });

  it('shows a process whose agent does not answer as not responding', { timeout: 20_000 }, async () => {
    const stopped = await startShop(dir);
    try {
      process.kill(stopped.pid, 'SIGSTOP');
      const listed = JSON.parse((await api('/api/processes')).text) as {
        pid: number;
        responding: boolean;
        problem?: string;
      }[];
      const entry = listed.find((p) => p.pid === stopped.pid);
      assert.equal(entry?.responding, false, JSON.stringify(listed));
      assert.match(entry!.problem!, /no answer/);
      assert.equal(listed.find((p) => p.pid === shop.pid)?.responding, true);
    } finally {
      process.kill(stopped.pid, 'SIGCONT');
      await stop(stopped.child);
    }
  });

  it('checks what the page sends as the CLI does: process ids, files, rules, options', async () => {
    assert.equal((await api('/api/processes/abc')).status, 400);
    assert.equal((await api('/api/processes/0')).status, 400);
    const nobody = await api('/api/processes/999999999');
    assert.equal(nobody.status, 404);
    assert.match(nobody.text, /no Kheiron agent/);
    const missing = await api(`/api/processes/${shop.pid}/attach`, { body: { file: 'no/such/rules.js' } });
    assert.equal(missing.status, 400);
    assert.match(JSON.parse(missing.text).error, /no such file/);
    assert.equal((await api(`/api/processes/${shop.pid}/attach`, { body: { file: 42 } })).status, 400);
    const refused = await api(`/api/processes/${shop.pid}/attach`, { body: { file: join(RULES, 'unknown.js') } });
    assert.equal(refused.status, 422);
    const error = JSON.parse(refused.text);
    assert.match(error.error, /rule 'bad'.*klass/);
    assert.equal(error.rule, 'bad');
    // The line the agent names: the rule's own.
    assert.equal(error.line, 4);
    assert.match(error.source, /id: 'bad'/);
    const status = JSON.parse((await api(`/api/processes/${shop.pid}`)).text);
    assert.deepEqual(status.rules, [], 'a refused set attaches nothing');
    assert.equal(
      (
        await api(`/api/processes/${shop.pid}/inject`, {
          body: { target: 'Catalog.prototype.get', throw: 'boom', times: -1 },
        })
      ).status,
      400,
    );
    assert.equal((await api(`/api/processes/${shop.pid}/detach`, { body: {} })).status, 400);
    assert.equal((await api(`/api/processes/${shop.pid}/detach`, { body: { ids: ['nope'] } })).status, 404);
    assert.equal((await api(`/api/processes/${shop.pid}/watch?target=x&rate=1000`)).status, 400);
  });

  it('attaches, injects and detaches by rule, by set and all', async () => {
    const attached = JSON.parse(
      (await api(`/api/processes/${shop.pid}/attach`, { body: { file: 'examples/shop/repairs.js' } })).text,
    );
    assert.deepEqual(
      attached.rules.map((r: { id: string }) => r.id),
      ['catalog-index', 'inventory-retry'],
    );
    const injected = await api(`/api/processes/${shop.pid}/inject`, {
      body: { target: 'Catalog.prototype.get', throw: 'boom', times: 2 },
    });
    assert.equal(injected.status, 200, injected.text);
    const injectId = JSON.parse(injected.text).id;
    assert.deepEqual(
      JSON.parse((await api(`/api/processes/${shop.pid}/detach`, { body: { ids: [injectId] } })).text).detached,
      [injectId],
    );
    assert.deepEqual(
      JSON.parse((await api(`/api/processes/${shop.pid}/detach`, { body: { set: 'shop-repairs' } })).text).detached,
      ['catalog-index', 'inventory-retry'],
    );
    assert.equal((await api(`/api/processes/${shop.pid}/detach`, { body: { set: 'shop-repairs' } })).status, 404);
    assert.deepEqual(
      JSON.parse((await api(`/api/processes/${shop.pid}/detach`, { body: { all: true } })).text).detached,
      [],
    );
  });
});

it('says how to install Chromium when the browser tests cannot find it', () => {
  assert.throws(() => chromiumPath(['/nonexistent/chromium']), /no Chromium .*apt-get install -y chromium/);
});
