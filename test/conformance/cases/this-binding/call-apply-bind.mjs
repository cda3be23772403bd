// call / apply / bind with different receivers and partial application.
function describe(greeting, punct) {
  return `${greeting}, ${this?.name ?? '<none>'}${punct ?? ''}`;
}

const alice = { name: 'alice' };
const bob = { name: 'bob' };

console.log(describe.call(alice, 'hi', '!'));
console.log(describe.apply(bob, ['hello', '?']));
console.log(describe.apply(alice, { length: 2, 0: 'array-like', 1: '.' }));
console.log(describe.call(undefined, 'nobody'));

const boundAlice = describe.bind(alice, 'hey');
console.log(boundAlice('~'));
console.log(boundAlice.call(bob, '#'));
console.log(boundAlice.apply(bob, ['%']));

const rebound = boundAlice.bind(bob, '^');
console.log('bind twice keeps first this:', rebound());
console.log('rebound length:', rebound.length, 'name:', rebound.name);

const partial = describe.bind(null);
console.log(partial('unbound'));

const method = {
  name: 'method-owner',
  show() {
    return describe.call(this, 'from method');
  },
};
console.log(method.show());
console.log(method.show.call(bob));

const spread = [alice, 'spread', '*'];
console.log(describe.call(...spread));
console.log(Reflect.apply(describe, bob, ['reflect']));
console.log('done');
