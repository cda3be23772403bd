// try/catch/finally spanning awaits in async functions.
var log = [];
function delay(v, fail) {
  return new Promise(function (resolve, reject) {
    setImmediate(function () {
      fail ? reject(new Error(v)) : resolve(v);
    });
  });
}

async function transaction(shouldFail) {
  log.push('begin');
  try {
    var a = await delay('step1');
    log.push(a);
    var b = await delay('step2', shouldFail);
    log.push(b);
    return 'committed';
  } catch (e) {
    log.push('rollback after ' + e.message);
    await delay('rollback');
    return 'rolled back';
  } finally {
    await null;
    log.push('finally (release)');
  }
}

async function finallyOverrides() {
  try {
    await delay('x');
    throw new Error('original');
  } finally {
    return 'finally return swallows the error';
  }
}

async function finallyThrows() {
  try {
    return await delay('value');
  } finally {
    await null;
    throw new Error('finally error replaces return value');
  }
}

async function main() {
  console.log(await transaction(false), '|', log.join(', '));
  log.length = 0;
  console.log(await transaction(true), '|', log.join(', '));
  console.log(await finallyOverrides());
  try {
    await finallyThrows();
  } catch (e) {
    console.log(e.message);
  }
  var nestedLog = [];
  async function nested() {
    try {
      try {
        await delay('inner', true);
      } finally {
        nestedLog.push('inner finally');
      }
    } catch (e) {
      nestedLog.push('outer catch ' + e.message);
    } finally {
      nestedLog.push('outer finally');
    }
  }
  await nested();
  console.log(nestedLog.join(' -> '));
}
main().then(function () {
  console.log('done');
});
