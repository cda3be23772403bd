// Hand-written async iterators (objects with methods) consumed with for await.
function paginated(pages) {
  var index = 0;
  var calls = [];
  var iterable = {
    calls: calls,
    [Symbol.asyncIterator]: function () {
      calls.push('Symbol.asyncIterator');
      return this;
    },
    next: function () {
      calls.push('next');
      var self = this;
      return new Promise(function (resolve) {
        setImmediate(function () {
          if (index < pages.length) resolve({ value: pages[index++], done: false });
          else resolve({ value: 'ignored', done: true });
        });
      });
    },
    return: function () {
      calls.push('return');
      return Promise.resolve({ done: true });
    },
  };
  return iterable;
}

async function main() {
  var source = paginated([['a', 'b'], ['c'], ['d', 'e', 'f']]);
  var all = [];
  for await (var page of source) all.push.apply(all, page);
  console.log('all items:', all.join(','), '| calls:', source.calls.join(','));

  var early = paginated([[1], [2], [3]]);
  for await (var p of early) {
    if (p[0] === 2) break;
  }
  console.log('early exit calls:', early.calls.join(','));

  var syncFallback = {
    [Symbol.iterator]: function* () {
      yield Promise.resolve('from sync iterator');
      yield 'plain';
    },
  };
  var fallback = [];
  for await (var s of syncFallback) fallback.push(s);
  console.log('sync iterator fallback:', fallback.join(' | '));
}
main().then(function () {
  console.log('done');
});
