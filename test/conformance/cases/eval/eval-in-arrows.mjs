// Direct eval inside arrow functions sees lexical this, arguments and locals of the enclosing scopes.
class Widget {
  name = 'widget';
  handlers = {
    click: () => eval('this.name + " clicked"'),
  };
  render(...items) {
    return items.map((item, i) => eval('`${this.name}[${i}]=${item} of ${arguments.length}`'));
  }
}
const w = new Widget();
console.log(w.handlers.click());
console.log(w.render('a', 'b').join(' | '));

const makeGetter = (key) => () => eval('key');
console.log('nested arrows:', makeGetter('k1')(), makeGetter('k2')());

function outer() {
  const x = 'outer-x';
  const inner = () => {
    const y = 'inner-y';
    return eval('x + "," + y + "," + typeof z');
  };
  const z = 'declared after arrow, initialized before call';
  return inner();
}
console.log(outer());

const adders = [1, 2, 3].map((n) => eval('(m) => m + n'));
console.log('eval-created arrows in map:', adders.map((f) => f(10)).join(','));
console.log('done');
