// How long `kheiron attach` over the inspector leaves a plain process's inspector listening:
// the LISTEN entry of 127.0.0.1:9229 in /proc/<pid>/net/tcp, read from outside every ~0.2 ms
// without connecting, from its appearance to its disappearance; and, where the CLI reports it,
// the time from SIGUSR1 to the port closed.
// usage: node bench/inspector-window.mjs <dist/src/cli/kheiron.js> <target node> <runs> [attach flags...]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const [cli, node, runs = '9', ...extra] = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), 'kheiron-window-'));
const rules = join(dir, 'rules.mjs');
writeFileSync(
  rules,
  `import { defineRules } from ${JSON.stringify(resolve(cli, '../../index.js'))};\nexport default defineRules('r', [{ id: 'noop', target: 'nothing', before() {} }]);\n`,
);
const sleeper = new Int32Array(new SharedArrayBuffer(4));
const listening = (pid) => /:240D 00000000:0000 0A/.test(readFileSync(`/proc/${pid}/net/tcp`, 'latin1'));
const rows = [];
for (let i = 0; i < Number(runs); i++) {
  const target = spawn(node, ['-e', 'setInterval(() => {}, 1000); console.log("ready")'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  await new Promise((r) => target.stdout.once('data', r));
  const t0 = performance.now();
  const c = spawn(process.execPath, [cli, 'attach', String(target.pid), rules, ...extra], {
    env: { ...process.env, KHEIRON_SOCKET_DIR: join(dir, 'sockets') },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  c.stderr.on('data', (d) => (err += d));
  let open, closed;
  while (performance.now() - t0 < 15_000) {
    const l = listening(target.pid);
    if (l && open === undefined) open = performance.now();
    if (!l && open !== undefined) {
      closed = performance.now();
      break;
    }
    Atomics.wait(sleeper, 0, 0, 0.2);
  }
  await new Promise((r) => (c.exitCode !== null ? r() : c.on('exit', r)));
  const m = /closed ([\d.]+) ms after the signal/.exec(err);
  rows.push({
    listenerMs: open === undefined ? null : Math.round(closed - open),
    signalToClosedMs: m ? Math.round(Number(m[1])) : null,
    exit: c.exitCode,
  });
  if (c.exitCode !== 0) console.error(err.trim().split('\n').at(-1));
  target.kill();
  await new Promise((r) => setTimeout(r, 200));
}
const median = (xs) => {
  const s = xs.filter((x) => x !== null).sort((a, b) => a - b);
  return s.length ? `${s[s.length >> 1]} ms (${s[0]}-${s.at(-1)}, n=${s.length})` : '-';
};
console.log(JSON.stringify(rows));
console.log(
  `listening: median ${median(rows.map((r) => r.listenerMs))}; signal to closed: median ${median(rows.map((r) => r.signalToClosedMs))}`,
);
