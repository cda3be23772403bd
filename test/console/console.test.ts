import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { spawn } from 'node:child_process';
import { CLI, ROOT, runNode } from '../support/node.js';
import { launchChromium } from './browser.js';
import { Load, privateSocketDir, startConsoleCli, startShop, stop } from './support.js';

/*
 * The console in a real browser (headless Chromium) against `kheiron console` and the shop
 * example under load on loopback, as an operator would use it.
 */

const dir = privateSocketDir();
let shop: Awaited<ReturnType<typeof startShop>>;
let consoleCli: Awaited<ReturnType<typeof startConsoleCli>>;
let browser: Browser;
let page: Page;

before(async () => {
  browser = await launchChromium(['--host-resolver-rules=MAP rebound.example 127.0.0.1']);
  shop = await startShop(dir);
  consoleCli = await startConsoleCli(dir);
});
after(async () => {
  await browser?.close();
  await stop(consoleCli?.child);
  await stop(shop?.child);
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const cli = (...args: string[]) => runNode(process.execPath, [CLI, ...args], { env: { KHEIRON_SOCKET_DIR: dir } });

describe('the console in Chromium', () => {
  it(
    'shows the process; attaching examples/shop/repairs.js from the page takes the error rate to zero, the charts show the repairs; watch; detach from the page',
    { timeout: 60_000 },
    async () => {
      page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(String(e)));
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
      const response = await page.goto(consoleCli.url);
      assert.equal(response!.status(), 200);
      assert.equal(new URL(page.url()).search, '', 'the one-time token is taken out of the address bar');

      const row = page.locator(`#processes tr[data-pid="${shop.pid}"]`);
      await row.waitFor();
      assert.match(await row.innerText(), /examples\/shop\/main\.js[\s\S]*responding/);
      // The only process is selected by itself: its live view opens.
      await page.waitForFunction(
        (pid) =>
          document.getElementById('process-title')!.textContent === `Process ${pid}` &&
          /functions prepared/.test(document.getElementById('process-summary')!.textContent!),
        shop.pid,
      );
      await page.locator('#functions tr[data-function="Catalog.prototype.get"]').waitFor();

      const load = new Load(shop.port, 8);
      load.start();
      try {
        await sleep(1500);
        const dormant = load.take();
        assert.ok(dormant.errors > 0, `errors without repairs: ${JSON.stringify(dormant)}`);

        await page.fill('#attach-file', 'examples/shop/repairs.js');
        await page.click('#attach-form button[type=submit]');
        await page.locator('#attach-result.ok').waitFor();
        assert.match(
          await page.innerText('#attach-result'),
          /attached catalog-index \(shop-repairs\) to Catalog\.prototype\.get \[at-attach\], Catalog\.prototype\.remove/,
        );
        await page.locator('.rule[data-rule="catalog-index"]').waitFor();
        await page.locator('.rule[data-rule="inventory-retry"]').waitFor();

        await sleep(1000); // requests in flight at the attach
        load.take();
        await sleep(2000);
        const repaired = load.take();
        assert.ok(repaired.requests > 0, 'requests with repairs attached');
        assert.equal(repaired.errors, 0, `errors with repairs attached: ${JSON.stringify(repaired)}`);

        // The charts: repairs and failed checks per rule, and for the process.
        await page.waitForFunction(
          () => {
            const index = document.querySelector<HTMLElement>('.rule[data-rule="catalog-index"]')!;
            const retry = document.querySelector<HTMLElement>('.rule[data-rule="inventory-retry"]')!;
            return (
              Number(index.dataset.repairs) > 0 &&
              Number(index.dataset.checks) > 0 &&
              Number(retry.dataset.calls) > 0 &&
              Number(document.getElementById('activity')!.dataset.repair) > 0
            );
          },
          undefined,
          { timeout: 5000 },
        );
        const drawn = await page.$$eval(
          '.rule[data-rule="catalog-index"] .spark[data-series="repairs"] polyline',
          (lines) => lines.map((l) => l.getAttribute('points')!),
        );
        assert.equal(drawn.length, 1);
        const heights = drawn[0]!.split(' ').map((p) => Number(p.split(',')[1]));
        assert.ok(
          Math.min(...heights) < Math.max(...heights),
          `the repairs chart rises above its baseline: ${drawn[0]}`,
        );
        assert.ok((await page.$$('#activity polyline[data-series="repairs"]')).length === 1);
        await page.locator('#audit li[data-type="repair"]').first().waitFor();
        // The audit filter.
        await page.selectOption('#audit-type', 'attach');
        await page.locator('#audit li[data-type="attach"][data-rule="catalog-index"]').waitFor();
        await page.selectOption('#audit-type', 'check-failed');
        assert.ok((await page.$$('#audit li')).length > 0);
        assert.deepEqual(
          [...new Set(await page.$$eval('#audit li', (items) => items.map((i) => i.getAttribute('data-type'))))],
          ['check-failed'],
        );
        await page.selectOption('#audit-type', '');
        // The registry marks what is attached.
        await page.waitForFunction(() =>
          /attached: catalog-index/.test(
            document.querySelector('#functions tr[data-function="Catalog.prototype.get"]')!.textContent!,
          ),
        );

        // Watch a function's calls live, then stop (the watch is detached).
        await page.fill('#watch-target', 'Catalog.prototype.get');
        await page.fill('#watch-rate', '5');
        await page.click('#watch-button');
        await page.locator('#watch-calls li[data-function="Catalog.prototype.get"]').first().waitFor();
        assert.match(await page.innerText('#watch-result'), /watching 1 function: Catalog\.prototype\.get/);
        await page.click('#watch-button');
        await page.waitForFunction(() => /stopped/.test(document.getElementById('watch-result')!.textContent!));

        // Detach one rule, then the rest as a set.
        await page.click('[data-detach="inventory-retry"]');
        await page.locator('.rule[data-rule="inventory-retry"]').waitFor({ state: 'detached' });
        await page.click('[data-detach-set="shop-repairs"]');
        await page.locator('.rule').first().waitFor({ state: 'detached' });
        await page.locator('#no-rules').waitFor({ state: 'visible' });
        const status = JSON.parse((await cli('status', String(shop.pid), '--json')).stdout);
        assert.deepEqual(status.rules, []);
        // Inject a fault from the page, then detach all.
        await page.fill('#inject-target', 'Catalog.prototype.add');
        await page.fill('#inject-throw', 'disk full');
        await page.fill('#inject-times', '2');
        await page.click('#inject-form button[type=submit]');
        await page.locator('#inject-result.ok').waitFor();
        assert.match(
          await page.innerText('#inject-result'),
          /attached inject:Catalog\.prototype\.add:\d+ to Catalog\.prototype\.add/,
        );
        await page.locator('.rule[data-rule^="inject:Catalog.prototype.add"]').waitFor();
        await page.click('#detach-all');
        await page.locator('.rule').first().waitFor({ state: 'detached' });
        await page.fill('#audit-rule', 'catalog');
        await page.selectOption('#audit-type', 'detach');
        await page.locator('#audit li[data-type="detach"][data-rule="catalog-index"]').waitFor();
        await page.fill('#audit-rule', '');
        await page.selectOption('#audit-type', '');
      } finally {
        await load.stop();
      }
      assert.deepEqual(problems, [], 'no errors in the page');
    },
  );

  it('shows where a refused rules file is wrong', { timeout: 20_000 }, async () => {
    await page.fill('#attach-file', 'examples/shop/no-such-rules.js');
    await page.click('#attach-form button[type=submit]');
    await page.locator('#attach-result.error').waitFor();
    assert.match(await page.innerText('#attach-result'), /no-such-rules\.js: no such file/);
  });

  it('refuses a page without the token, and the printed address a second time', async () => {
    const other = await browser.newPage();
    try {
      const bare = await other.goto(`${consoleCli.base}/`);
      assert.equal(bare!.status(), 403);
      assert.match(await other.innerText('body'), /no valid token/);
      const reused = await other.goto(consoleCli.url);
      assert.equal(reused!.status(), 403);
      assert.equal(await other.$('meta[name="kheiron-token"]'), null);
    } finally {
      await other.close();
    }
  });

  it('refuses requests that a page of another origin makes to it', async () => {
    await cli('detach', String(shop.pid), '--all');
    const attached = await cli('attach', String(shop.pid), 'examples/shop/repairs.js');
    assert.equal(attached.code, 0, attached.stderr);
    const port = Number(new URL(consoleCli.base).port);
    // A page on another origin of the same machine, which even knows the session token.
    const token = await page.$eval('meta[name="kheiron-token"]', (m) => (m as HTMLMetaElement).content);
    const foreign: Server = createServer((_req, res) => res.end('<!doctype html><title>elsewhere</title>'));
    await new Promise<void>((r) => foreign.listen(0, '127.0.0.1', () => r()));
    const other = await browser.newPage();
    try {
      await other.goto(`http://localhost:${(foreign.address() as AddressInfo).port}/`);
      const outcome = await other.evaluate(
        async ({ base, token, pid }) => {
          const results: string[] = [];
          try {
            const r = await fetch(`${base}/api/processes`, { headers: { 'x-kheiron-token': token } });
            results.push(`read ${r.status}`);
          } catch (e) {
            results.push(`read refused: ${(e as Error).name}`);
          }
          try {
            await fetch(`${base}/api/processes/${pid}/detach`, {
              method: 'POST',
              mode: 'no-cors',
              headers: { 'content-type': 'text/plain' },
              body: '{"all":true}',
            });
            results.push('detach sent');
          } catch (e) {
            results.push(`detach refused: ${(e as Error).name}`);
          }
          return results;
        },
        { base: `http://127.0.0.1:${port}`, token, pid: shop.pid },
      );
      assert.equal(outcome[0], 'read refused: TypeError');
      const status = JSON.parse((await cli('status', String(shop.pid), '--json')).stdout);
      assert.deepEqual(
        status.rules.map((r: { id: string }) => r.id),
        ['catalog-index', 'inventory-retry'],
        'nothing was detached',
      );
    } finally {
      await other.close();
      foreign.close();
      await cli('detach', String(shop.pid), '--all');
    }
  });

  it('refuses a host name that resolves to loopback (DNS rebinding)', async () => {
    const other = await browser.newPage();
    try {
      const port = new URL(consoleCli.base).port;
      const rebound = await other.goto(`http://rebound.example:${port}/api/processes`);
      assert.equal(rebound!.status(), 421);
      assert.match(await other.innerText('body'), /Host header must be/);
    } finally {
      await other.close();
    }
  });

  it(
    'kheiron demo --console: the demo runs once the page is open, and the page shows its repairs',
    { timeout: 60_000 },
    async () => {
      const demo = spawn(process.execPath, [CLI, 'demo', '--console', '--seconds', '1', '--connections', '4'], {
        cwd: ROOT,
        env: { ...process.env, KHEIRON_SOCKET_DIR: dir },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let output = '';
      demo.stdout!.setEncoding('utf8');
      const exited = new Promise<number | null>((resolve) => demo.once('exit', (code) => resolve(code)));
      const seen = (pattern: RegExp) =>
        new Promise<RegExpExecArray>((resolve, reject) => {
          const check = (): void => {
            const m = pattern.exec(output);
            if (m) resolve(m);
          };
          demo.stdout!.on('data', (chunk: string) => {
            output += chunk;
            check();
          });
          void exited.then(() => reject(new Error(`the demo exited before ${pattern}:\n${output}`)));
          check();
        });
      const other = await browser.newPage();
      try {
        const [url] = await seen(/http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+#pid=(\d+)/);
        const pid = /#pid=(\d+)/.exec(url!)![1];
        await other.goto(url!);
        await other.waitForFunction(
          (p) => document.getElementById('process-title')!.textContent === `Process ${p}`,
          pid,
        );
        await other.locator('.rule[data-rule="catalog-index"]').waitFor({ timeout: 20_000 });
        await other.waitForFunction(() => Number(document.getElementById('activity')!.dataset.repair) > 0, undefined, {
          timeout: 20_000,
        });
        await seen(/result: the repairs worked/);
        await other.locator('#no-rules').waitFor({ state: 'visible' });
        demo.kill('SIGINT');
        assert.equal(await exited, 0, output);
      } finally {
        await other.close();
        demo.kill();
      }
    },
  );
});
