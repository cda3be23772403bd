// new.target in plain functions: undefined on call, the function itself on `new`.
function Probe(label) {
  var kind = new.target === undefined ? 'call' : new.target === Probe ? 'new Probe' : 'new other';
  if (new.target) this.label = label;
  return kind === 'call' ? kind + ':' + label : undefined;
}

console.log(Probe('plain'));
var p = new Probe('constructed');
console.log('constructed label:', p.label, p instanceof Probe);
console.log(Probe.call({}, 'via call'));
console.log(Probe.apply(null, ['via apply']));

function Wrapper() {
  return new.target;
}
console.log('constructor returning new.target yields the function itself:', new Wrapper() === Wrapper);
console.log('plain call returns undefined:', Wrapper());
console.log('returning a function from constructor:', typeof new Wrapper());

function Typed() {
  this.nt = new.target && new.target.name;
}
function SubTyped() {
  Typed.call(this);
}
console.log('new.target not passed through .call:', new SubTyped().nt);

function Holder() {
  this.fnTarget = typeof new.target;
  var self = this;
  this.check = function () {
    return typeof new.target;
  };
}
var h = new Holder();
console.log('constructor:', h.fnTarget, 'inner method call:', h.check());
console.log('inner method with new:', typeof new h.check());
console.log('done');
