// Can a watchdog thread stop a main thread stuck in a synchronous loop, and the process go
// on? A worker connects an inspector session to the main thread and sends
// Runtime.terminateExecution 300 ms into a loop; the main thread's later timers should run.
//
//   node_modules/node24/bin/node bench/micro/terminate-execution.mjs
//
// Measured on Node 24.22 and 26.12: the termination unwinds the timer callback that was
// looping, and Node then aborts ("async hook stack has become corrupted"), exit code 1, so
// Kheiron does not use it; rules opt in to a node:vm timeout instead (bench/micro/interrupt.mjs).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

if (process.argv[2] !== 'child') {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), 'child'], {
    encoding: 'utf8',
    timeout: 20_000,
  });
  const survived = /later task ran/.test(r.stdout);
  console.log(
    JSON.stringify({
      node: process.version,
      survived,
      exitCode: r.status,
      signal: r.signal,
      stderr: r.stderr.split('\n')[0],
    }),
  );
  process.exit(0);
}

const { Worker } = await import('node:worker_threads');
const worker = new Worker(
  `const { Session } = require('node:inspector');
const s = new Session();
s.connectToMainThread();
setTimeout(() => s.post('Runtime.terminateExecution'), 300);`,
  { eval: true },
);
setTimeout(() => {
  console.log('entering loop');
  try {
    for (;;);
    // eslint-disable-next-line no-unreachable -- only TerminateExecution gets out of the loop
  } finally {
    console.log('finally ran');
  }
}, 100);
setTimeout(() => {
  console.log('later task ran');
  worker.terminate();
}, 1500);
