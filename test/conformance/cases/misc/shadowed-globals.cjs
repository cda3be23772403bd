// Functions whose parameters and locals shadow well-known globals (sloppy mode allows shadowing undefined).
var log = console.log;

function shadowUndefined(undefined) {
  return [typeof undefined, undefined === void 0].join(' ');
}
log('param named undefined:', shadowUndefined('not really undefined'));

function localUndefined() {
  var undefined = 42;
  return undefined + 1;
}
log('var named undefined:', localUndefined());

function shadowBuiltins(Object, Reflect, Symbol, Error, Promise, Array, Function, JSON, Math) {
  return [Object, Reflect, Symbol, Error, Promise, Array, Function, JSON, Math].join(',');
}
log('params shadow builtins:', shadowBuiltins(1, 2, 3, 4, 5, 6, 7, 8, 9));

function shadowGlobalThis() {
  var globalThis = { fake: true };
  var global = 'fake global';
  var process = 'fake process';
  var require = function () {
    return 'fake require';
  };
  var module = 'fake module';
  return [JSON.stringify(globalThis), global, process, require(), module].join(' | ');
}
log('locals shadow host globals:', shadowGlobalThis());

function shadowConsole() {
  var console = { log: function () {} };
  console.log('swallowed');
  return 'local console shadowed';
}
log(shadowConsole());

function throwsWithShadowedError() {
  var Error = function (msg) {
    this.msg = 'fake ' + msg;
  };
  try {
    throw new Error('x');
  } catch (e) {
    return e.msg + ' / instanceof real Error: ' + (e instanceof globalThis.Error);
  }
}
log(throwsWithShadowedError());

function asyncWithShadowedPromise() {
  var Promise = 'not a promise constructor';
  return (async function () {
    return 'async function still returns a real promise: ' + typeof Promise;
  })();
}
asyncWithShadowedPromise().then(function (v) {
  log(v);
  log('done');
});
