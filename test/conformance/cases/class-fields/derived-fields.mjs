// Fields of a derived class are installed when super() returns, even if super() is called late or inside an arrow.
const trace = [];
class Base {
  constructor() {
    trace.push(`Base ctor: has derived field? ${Object.hasOwn(this, 'd')}`);
    this.callHook();
  }
  callHook() {
    trace.push('Base.callHook');
  }
}
class Derived extends Base {
  d = (trace.push('Derived field init'), 'd');
  hookSeen;
  callHook() {
    trace.push(`Derived.callHook sees d=${this.d}`);
    this.hookSeen = 'set during base constructor';
  }
  constructor() {
    trace.push('Derived ctor start');
    const run = () => super();
    run();
    trace.push(`after super: d=${this.d}, hookSeen=${this.hookSeen}`);
  }
}
new Derived();
console.log(trace.join('\n'));

class Parent {
  name = 'parent';
  describe() {
    return `${this.name}/${this.kind}`;
  }
}
class ChildWithSameField extends Parent {
  name = 'child';
  kind = `kind-from-${this.name}`;
}
console.log(new ChildWithSameField().describe());
console.log('done');
