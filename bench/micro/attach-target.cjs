// Target of the attach-latency benchmark: a CommonJS service whose class is exported, so
// that it can be reached also when the process was started without Kheiron.
class Target {
  work(x) {
    return x + 1;
  }
}
exports.Target = Target;
const t = new Target();
setInterval(() => t.work(1), 50);
console.log('ready');
