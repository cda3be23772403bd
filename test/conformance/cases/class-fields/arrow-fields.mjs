// Arrow-function fields capture the instance, so they survive being detached.
class Button {
  label;
  clicks = 0;
  onClick = () => {
    this.clicks++;
    return `${this.label} clicked ${this.clicks}`;
  };
  method() {
    return this?.label ?? 'no this';
  }
  constructor(label) {
    this.label = label;
  }
}

const ok = new Button('ok');
const handler = ok.onClick;
console.log(handler());
console.log(handler.call({ label: 'other', clicks: 100 }));
console.log([1, 2].map(ok.onClick).join(' | '));
const detachedMethod = ok.method;
console.log('detached method:', detachedMethod());

console.log('arrow field is own property:', Object.hasOwn(ok, 'onClick'), 'method is not:', Object.hasOwn(ok, 'method'));
console.log('each instance has its own arrow:', new Button('a').onClick !== new Button('b').onClick);
console.log('arrow field name:', ok.onClick.name, 'length:', ok.onClick.length);

class Sub extends Button {
  onClick = () => `sub: ${this.label}`;
}
console.log('subclass field overwrites parent field:', new Sub('s').onClick());

class UsesSuper extends Button {
  superLabel = () => super.method();
}
const detachedSuper = new UsesSuper('super-arrow').superLabel;
console.log('arrow field using super:', detachedSuper());
console.log('done');
