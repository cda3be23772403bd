// this and arguments are preserved across awaits in async functions and methods.
var counter = {
  count: 0,
  async incrementTwice() {
    this.count++;
    await null;
    this.count++;
    return this.count;
  },
  async collect() {
    var first = arguments[0];
    await null;
    var rest = Array.prototype.slice.call(arguments, 1);
    return first + ':' + rest.join('|');
  },
};

async function sloppyThis() {
  await null;
  return this === globalThis ? 'global' : typeof this;
}
async function strictThis() {
  'use strict';
  await null;
  return this === undefined ? 'undefined' : typeof this;
}

async function mapped(a) {
  await null;
  arguments[0] = 'changed after await';
  return a;
}

async function main() {
  console.log('method this across await:', await counter.incrementTwice(), await counter.incrementTwice());
  console.log('arguments across await:', await counter.collect('first', 'a', 'b'));
  console.log('sloppy plain call:', await sloppyThis());
  console.log('strict plain call:', await strictThis());
  console.log('sloppy call with primitive:', await sloppyThis.call(5));
  console.log('mapped arguments in sloppy async:', await mapped('orig'));
  var bound = counter.incrementTwice.bind({ count: 100 });
  console.log('bound async method:', await bound());
  var arrowHolder = {
    tag: 'holder',
    run: function () {
      return (async () => {
        await null;
        return this.tag + '/' + arguments[0];
      })();
    },
  };
  console.log('async arrow inside function:', await arrowHolder.run('arg0'));
}
main().then(function () {
  console.log('done');
});
