// Interactions between catch parameters and var / function declarations (sloppy mode).
function varSameAsCatchParam() {
  var log = [];
  try {
    throw 'thrown value';
  } catch (e) {
    var e = 'assigned via var';
    log.push('inside catch: ' + e);
  }
  log.push('outside catch: ' + e);
  return log.join(' | ');
}
console.log(varSameAsCatchParam());

function catchShadowsOuter() {
  var err = 'outer';
  try {
    throw 'inner';
  } catch (err) {
    err = 'modified in catch';
  }
  return err;
}
console.log('catch param shadows outer var:', catchShadowsOuter());

function destructuredCatch() {
  try {
    throw { code: 42, detail: { msg: 'deep' } };
  } catch ({ code, detail: { msg } }) {
    return code + ':' + msg;
  }
}
console.log('destructured catch:', destructuredCatch());

function optionalBinding() {
  try {
    JSON.parse('{');
  } catch {
    return 'caught without binding';
  }
}
console.log(optionalBinding());

function forInVarInCatch() {
  var keys = [];
  try {
    throw { p: 1, q: 2 };
  } catch (e) {
    for (var e in { x: 1, y: 2 }) keys.push(e);
    keys.push('catch param now ' + e);
  }
  return keys.join(',') + ' / outer e: ' + e;
}
console.log('for (var e in ...) inside catch(e):', forInVarInCatch());
console.log('done');
