// The "scope-safe constructor" pattern using new.target.
function User(name) {
  if (!new.target) {
    return new User(name);
  }
  this.name = name;
  User.count = (User.count || 0) + 1;
}
User.prototype.hello = function () {
  return 'hello ' + this.name;
};

var a = User('without-new');
var b = new User('with-new');
console.log(a.hello(), '|', b.hello(), '| count', User.count);
console.log('both instances:', a instanceof User, b instanceof User);

function Strict(name) {
  if (new.target === undefined) {
    throw new TypeError('Strict must be called with new');
  }
  this.name = name;
}
try {
  Strict('x');
} catch (e) {
  console.log(e.constructor.name + ':', e.message);
}
console.log('ok:', new Strict('y').name);

function legacyGuard(name) {
  if (!(this instanceof legacyGuard)) return new legacyGuard(name);
  this.name = name;
}
var fake = Object.create(legacyGuard.prototype);
var fooled = legacyGuard.call(fake, 'fooled');
console.log('instanceof guard can be fooled:', fooled, fake.name);
var notFooled = User.call(Object.create(User.prototype), 'not-fooled');
console.log('new.target guard constructs anyway:', notFooled instanceof User, notFooled.name);

var ok = Reflect.construct(User, ['reflect']);
console.log('Reflect.construct:', ok.hello());
console.log('done');
