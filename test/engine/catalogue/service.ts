import { lastModule, runPrepared } from '../../support/prepared.js';

/** A small service with sync, async, generator and constructor targets, prepared in a vm. */
const SERVICE = `
let failuresLeft = 0;
function failNext(n) { failuresLeft = n; }
function flakySync(x) {
  if (failuresLeft > 0) { failuresLeft--; throw new Error('transient'); }
  return x * 2;
}
async function flakyAsync(x) {
  await null;
  if (failuresLeft > 0) { failuresLeft--; throw new Error('transient'); }
  return x * 2;
}
async function slow(ms) {
  await new Promise((r) => setTimeout(r, ms));
  return 'slow ' + ms;
}
function* counter(n) {
  for (let i = 0; i < n; i++) yield i;
  if (n < 0) throw new Error('negative');
  return n;
}
class Stock {
  constructor(items) {
    if (!Array.isArray(items)) throw new TypeError('items must be an array');
    this.items = items;
    this.count = items.length;
  }
  take(n) {
    this.count -= n;
    this.items.splice(0, n);
    if (this.count < 0) throw new RangeError('not enough');
    return this.count;
  }
  async load(key) {
    await null;
    if (key === 'missing') throw new TypeError('no such key');
    return key.toUpperCase();
  }
  broken() {
    if (this.count < 0) throw new Error('corrupt');
    return 'ok ' + this.count;
  }
  repairStock() { this.count = this.items.length; }
}
this.api = { failNext, flakySync, flakyAsync, slow, counter, Stock };
`;

export function service(): { api: any; m: string } {
  const ctx = runPrepared(SERVICE, 'service');
  return { api: ctx.api, m: lastModule() };
}
