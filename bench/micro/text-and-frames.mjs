// What the original-text toString and the hidden runtime frames cost, ns per call, medians of
// 7 rounds. Run with the loader, from the repository:
//   node_modules/node24/bin/node --import ./dist/src/loader/register.js bench/micro/text-and-frames.mjs
import { attach } from '../../dist/src/index.js';
import { runInNewContext } from 'node:vm';
import { Vec3 } from './hot.mjs';

const builtin = runInNewContext('Function.prototype.toString');

const plain = function plain(a, b) {
  return a + b;
};

function time(label, n, fn) {
  const rounds = [];
  for (let r = 0; r < 7; r++) {
    const t = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fn();
    rounds.push(Number(process.hrtime.bigint() - t) / n);
  }
  rounds.sort((a, b) => a - b);
  console.log(`${label.padEnd(58)} ${rounds[3].toFixed(1).padStart(8)} ns`);
}

let sink = 0;
time('toString of an unprepared function (in a vm realm: the built-in)', 200_000, () => {
  sink += builtin.call(plain).length;
});
time('toString of an unprepared function', 200_000, () => {
  sink += plain.toString().length;
});
time('toString of a prepared method (Vec3.prototype.dot), dormant', 200_000, () => {
  sink += Vec3.prototype.dot.toString().length;
});
time('new Error().stack, nothing attached', 50_000, () => {
  sink += new Error('x').stack.length;
});
const handle = attach({ target: '**/hot.mjs#Vec3.prototype.dot', before() {} });
time('toString of a prepared method, attached', 200_000, () => {
  sink += Vec3.prototype.dot.toString().length;
});
time('new Error().stack, a handle attached (frames filtered)', 50_000, () => {
  sink += new Error('x').stack.length;
});
handle.detach();
if (sink === 0) console.log('nothing measured');
