// Generators evaluate parameters (and defaults) at call time, before the first next().
const log = [];
function* gen(a = (log.push('default a'), 'A'), { b = (log.push('default b'), 'B') } = {}) {
  log.push('body start');
  yield a;
  yield b;
}
const it = gen();
log.push('after call');
const values = [...it];
console.log(log.join(' -> '), '|', values.join(','));

log.length = 0;
class Source {
  *items(limit = this.defaultLimit, start = (log.push(`start computed with limit ${limit}`), 0)) {
    for (let i = start; i < limit; i++) yield i;
  }
  get defaultLimit() {
    log.push('defaultLimit getter');
    return 3;
  }
}
const s = new Source();
const iter = s.items();
log.push('iterator created');
console.log([...iter].join(','), '|', log.join(' -> '));

async function* agen(x = (log.push('async gen default'), 'X')) {
  log.push('async gen body');
  yield x;
}
log.length = 0;
const ai = agen();
log.push('async gen created');
const first = await ai.next();
console.log(first.value, '|', log.join(' -> '));
console.log('done');
