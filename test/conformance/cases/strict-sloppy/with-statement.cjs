// The sloppy-only `with` statement: name lookup through an object, including functions created inside.
var point = { x: 3, y: 4 };
function length(p) {
  with (p) {
    return Math.sqrt(x * x + y * y);
  }
}
console.log('length:', length(point));

function assignThrough(p) {
  with (p) {
    x = 30;
    z = 'not on object';
  }
  return JSON.stringify(p) + ' z leaked: ' + typeof z;
}
var z;
console.log('assignment through with:', assignThrough(point), z);

function closureInWith() {
  var scope = { v: 'first' };
  var getter;
  with (scope) {
    getter = function () {
      return v;
    };
  }
  scope.v = 'changed later';
  return getter();
}
console.log('closure created inside with keeps the object scope:', closureInWith());

function varInWith() {
  var o = { w: 'object w' };
  with (o) {
    var w = 'assigned by var';
  }
  return [o.w, typeof w].join(' | ');
}
console.log('var initializer inside with assigns to object:', varInWith());

function fnDeclInWith() {
  var o = { helper: 'object property' };
  with (o) {
    var seen = typeof helper;
  }
  return seen;
}
console.log('with lookup before locals:', fnDeclInWith());
console.log('done');
