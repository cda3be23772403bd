// Makes docs/console.png: `kheiron demo --console` in headless Chromium, taken while the
// repairs are attached to the running shop. After a build:
//
//   node_modules/node24/bin/node docs/console-screenshot.mjs
//
// Needs Debian's chromium (apt-get install -y chromium) or CHROMIUM=/path/to/chrome.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(executablePath))
  throw new Error(`no Chromium at ${executablePath}: apt-get install -y chromium, or set CHROMIUM`);

// A socket directory of its own: the console shows the demo's shop and nothing else.
const sockets = join(mkdtempSync(join(tmpdir(), 'kheiron-shot-')), 'agents');
mkdirSync(sockets, { mode: 0o700 });
const demo = spawn(
  process.execPath,
  [join(ROOT, 'dist/src/cli/kheiron.js'), 'demo', '--console', '--seconds', '6', '--connections', '8'],
  {
    cwd: ROOT,
    env: { ...process.env, KHEIRON_SOCKET_DIR: sockets },
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
let output = '';
const seen = (pattern) =>
  new Promise((resolvePromise, reject) => {
    const check = () => {
      const m = pattern.exec(output);
      if (m) {
        demo.stdout.off('data', check);
        resolvePromise(m);
      }
    };
    demo.stdout.on('data', check);
    demo.once('exit', (code) => reject(new Error(`the demo exited (${code}) before ${pattern}:\n${output}`)));
    check();
  });
demo.stdout.setEncoding('utf8');
demo.stdout.on('data', (chunk) => {
  output += chunk;
  process.stdout.write(chunk);
});

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  const [url] = await seen(/http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+#pid=\d+/);
  const page = await browser.newPage({ viewport: { width: 1440, height: 1080 }, deviceScaleFactor: 1 });
  await page.goto(url);
  await seen(/>>> kheiron attach/);
  await page.fill('#functions-pattern', '**/examples/shop/*.js#*.prototype.*');
  await page.click('#functions-search');
  await page.fill('#watch-target', 'Catalog.prototype.get');
  await page.fill('#watch-rate', '3');
  await page.click('#watch-button');
  // Repairs at work for a few seconds, so that the charts have a shape.
  await page.waitForTimeout(5000);
  const out = join(ROOT, 'docs/console.png');
  await page.screenshot({ path: out, fullPage: true });
  process.stdout.write(`\nwrote ${out}\n`);
  await seen(/result: the repairs (did NOT )?work/);
} finally {
  await browser.close();
  demo.kill('SIGINT');
}
