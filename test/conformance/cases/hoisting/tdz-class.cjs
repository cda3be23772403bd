// Classes are hoisted but uninitialized (TDZ), unlike function declarations.
function attempt(label, fn) {
  try {
    console.log(label + ': ' + fn());
  } catch (e) {
    console.log(label + ': ' + e.constructor.name + ': ' + e.message);
  }
}

attempt('use class before declaration', function () {
  var inst = new Later();
  class Later {}
  return inst;
});
attempt('function declaration works', function () {
  var inst = new LaterFn();
  function LaterFn() {
    this.ok = true;
  }
  return JSON.stringify(inst);
});
attempt('class referenced in its own extends clause', function () {
  class Loop extends (typeof Loop === 'function' ? Loop : Object) {}
  return 'unreachable';
});
attempt('method referencing class declared later is fine', function () {
  var make = function () {
    return new Helper().name();
  };
  class Helper {
    name() {
      return 'helper';
    }
  }
  return make();
});
attempt('class binding is immutable inside the class', function () {
  class Fixed {
    static reassign() {
      Fixed = null;
    }
  }
  Fixed.reassign();
  return 'unreachable';
});
attempt('outer class binding is mutable', function () {
  class Mutable {}
  Mutable = 'replaced';
  return Mutable;
});
console.log('done');
