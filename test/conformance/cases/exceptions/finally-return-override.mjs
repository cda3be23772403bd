// return/throw inside finally overrides the completion of try/catch.
function returnInFinally() {
  try {
    return 'try';
  } finally {
    return 'finally';
  }
}
function finallyOverridesThrow() {
  try {
    throw new Error('lost');
  } finally {
    return 'finally swallowed the error';
  }
}
function catchReturnOverridden() {
  try {
    throw new Error('x');
  } catch {
    return 'catch';
  } finally {
    return 'finally';
  }
}
function throwInFinallyReplacesReturn() {
  try {
    return 'try value';
  } finally {
    throw new Error('finally threw');
  }
}
function finallyWithoutReturnKeepsTryValue() {
  let x = 'initial';
  try {
    return x;
  } finally {
    x = 'modified in finally';
  }
}
function finallyMutatesReturnedObject() {
  const obj = { state: 'initial' };
  try {
    return obj;
  } finally {
    obj.state = 'mutated in finally';
  }
}
function nestedFinally() {
  try {
    try {
      return 'inner try';
    } finally {
      return 'inner finally';
    }
  } finally {
    // no return here: inner finally's value stands
  }
}

console.log(returnInFinally());
console.log(finallyOverridesThrow());
console.log(catchReturnOverridden());
try {
  throwInFinallyReplacesReturn();
} catch (e) {
  console.log('caught:', e.message);
}
console.log(finallyWithoutReturnKeepsTryValue());
console.log(finallyMutatesReturnedObject().state);
console.log(nestedFinally());
console.log('done');
