// Stack frames as the application sees them, by function name only (columns may move):
// captureStackTrace with a constructor to cut at, depd-style caller lookup through call
// sites, stackTraceLimit 1, and prepareStackTrace call sites.
function callSites() {
  const saved = Error.prepareStackTrace;
  Error.prepareStackTrace = (_, sites) => sites;
  const holder = {};
  Error.captureStackTrace(holder, callSites);
  const sites = holder.stack;
  Error.prepareStackTrace = saved;
  return sites;
}
function names(stack) { return stack.split('\n').slice(1).map((l) => (/at (?:new )?([\w$.<>]+) /.exec(l) || [, '-'])[1]).filter((n) => n !== '-').slice(0, 2).join(' < '); }

class AppError extends Error {
  constructor(message) {
    super(message);
    Error.captureStackTrace(this, this.constructor);
  }
}
class Plain {
  constructor() {
    const o = {};
    Error.captureStackTrace(o, Plain);
    this.stack = o.stack;
  }
}
function makeError() { return new AppError('boom'); }
function makePlain() { return new Plain(); }
console.log('captured, cut at constructor:', names(makeError().stack));
console.log('captured, plain class:', names(makePlain().stack));

function deprecated() { return whoCalled(); }
function whoCalled() { const sites = callSites(); return sites[1] ? sites[1].getFunctionName() : null; }
function userCode() { return deprecated(); }
console.log('caller of deprecated:', userCode());

function limited() {
  const before = Error.stackTraceLimit;
  Error.stackTraceLimit = 1;
  const e = new Error('x');
  Error.stackTraceLimit = before;
  return names(e.stack);
}
function outer() { return limited(); }
console.log('limit 1:', outer());

const shortOne = (f) => f();
function sitesHere() { return callSites().slice(0, 3).map((s) => s.getFunctionName()).join(' < '); }
function a1() { return shortOne(sitesHere); }
console.log('call sites:', a1());
console.log('done');
