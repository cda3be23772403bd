// Error.prepareStackTrace receives structured call sites: function names and line numbers of own frames.
const FILE = import.meta.url.slice(import.meta.url.lastIndexOf('/') + 1);
function callSites() {
  const original = Error.prepareStackTrace;
  Error.prepareStackTrace = (err, sites) => sites;
  const err = new Error('capture');
  const sites = err.stack;
  Error.prepareStackTrace = original;
  return sites
    .filter((s) => (s.getFileName() ?? '').endsWith(FILE))
    .map((s) => `${s.getFunctionName() ?? '<anon>'}@${s.getLineNumber()}${s.isConstructor() ? ' (ctor)' : ''}`);
}

function outer() {
  return middle();
}
function middle() {
  return inner();
}
function inner() {
  return callSites();
}
console.log(outer().join(' <- '));

class Service {
  constructor() {
    this.sites = callSites();
  }
  method() {
    return callSites();
  }
  static create() {
    return new Service();
  }
}
console.log(Service.create().sites.join(' <- '));
console.log(new Service().method().join(' <- '));

const arrow = () => callSites();
const obj = { viaMethod: () => arrow() };
console.log(obj.viaMethod().join(' <- '));

const formatted = (() => {
  const original = Error.prepareStackTrace;
  Error.prepareStackTrace = (err, sites) => `${err.name}: ${err.message} [${sites.filter((s) => (s.getFileName() ?? '').endsWith(FILE)).length} own frames]`;
  const s = new TypeError('custom format').stack;
  Error.prepareStackTrace = original;
  return s;
})();
console.log(formatted);
console.log('done');
