// Plain functions used as constructors with `new`.
function Point(x, y) {
  this.x = x;
  this.y = y;
}
Point.prototype.add = function (other) {
  return new Point(this.x + other.x, this.y + other.y);
};
Point.prototype.toString = function () {
  return '(' + this.x + ', ' + this.y + ')';
};
Point.origin = function () {
  return new Point(0, 0);
};
var p = new Point(1, 2).add(new Point(10, 20));
console.log('point:', String(p), p instanceof Point, p.constructor === Point);
console.log('static-like function property:', String(Point.origin()));

function ReturnsPrimitive() {
  this.kept = true;
  return 123;
}
console.log('primitive return ignored:', JSON.stringify(new ReturnsPrimitive()));

function ReturnsObject() {
  this.lost = true;
  return { replaced: true };
}
console.log('object return replaces this:', JSON.stringify(new ReturnsObject()), new ReturnsObject() instanceof ReturnsObject);

function NoParens() {
  this.made = 'without parentheses';
}
console.log('new without argument list:', new NoParens().made);

var ctorRef = { Inner: function (v) { this.v = v; } };
console.log('new on member expression:', new ctorRef.Inner(5).v);
console.log('precedence new a.b():', (new ctorRef.Inner(6)).v);

function Counter() {
  Counter.instances = (Counter.instances || 0) + 1;
  this.id = Counter.instances;
}
new Counter();
new Counter();
console.log('instances counted on the function:', Counter.instances, new Counter().id);

function Shape() {}
Shape.prototype.area = function () {
  return 0;
};
function Rect(w, h) {
  Shape.call(this);
  this.w = w;
  this.h = h;
}
Rect.prototype = Object.create(Shape.prototype);
Rect.prototype.constructor = Rect;
Rect.prototype.area = function () {
  return this.w * this.h;
};
var r = new Rect(3, 4);
console.log('pseudo-classical inheritance:', r.area(), r instanceof Shape, Shape.prototype.area.call(r));
console.log('done');
