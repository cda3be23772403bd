// Awaiting thenables: then() is called asynchronously in a job, with resolve/reject functions.
var log = [];
var thenable = {
  then: function (resolve, reject) {
    log.push('then called, this is thenable: ' + (this === thenable) + ', args: ' + arguments.length);
    resolve('thenable value');
  },
};
var rejecting = {
  then: function (_, reject) {
    reject(new Error('thenable rejected'));
  },
};
var throwing = {
  then: function () {
    throw new TypeError('then threw');
  },
};
var nested = {
  then: function (resolve) {
    resolve({
      then: function (r) {
        r('nested thenable value');
      },
    });
  },
};

async function main() {
  log.push('before await');
  var p = (async function () {
    return await thenable;
  })();
  log.push('after starting await (then not yet called)');
  log.push('result: ' + (await p));
  try {
    await rejecting;
  } catch (e) {
    log.push('rejecting: ' + e.message);
  }
  try {
    await throwing;
  } catch (e) {
    log.push('throwing: ' + e.constructor.name + ' ' + e.message);
  }
  log.push('nested: ' + (await nested));

  var getterCalls = 0;
  var lazy = {
    get then() {
      getterCalls++;
      return undefined;
    },
  };
  var v = await lazy;
  log.push('object with undefined then resolves to itself: ' + (v === lazy) + ', then getter calls: ' + getterCalls);
}

main().then(function () {
  console.log(log.join('\n'));
  console.log('done');
});
