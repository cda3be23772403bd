// Computed keys on accessor pairs; each computed key expression runs once even if equal.
var evaluations = [];
function name(n) {
  evaluations.push(n);
  return n;
}

var model = {
  _store: {},
  get [name('title')]() {
    return this._store.title || '(none)';
  },
  set [name('title')](v) {
    this._store.title = v.trim();
  },
  get [name('tit') + name('le2')]() {
    return 'concatenated';
  },
};
console.log('evaluations:', evaluations.join(','));
model.title = '  Hello  ';
console.log('title:', JSON.stringify(model.title), model.title2);

var d = Object.getOwnPropertyDescriptor(model, 'title');
console.log('pair merged into one property:', typeof d.get, typeof d.set, d.get.name, d.set.name);

class Prefs {
  static keys = ['theme', 'lang'];
  static {
    for (var key of this.keys) {
      Object.defineProperty(this.prototype, key, {
        get: function () {
          return 'pref:' + this.values[key];
        },
      });
    }
  }
  constructor() {
    this.values = { theme: 'dark', lang: 'en' };
  }
}
var p = new Prefs();
console.log('var in for-of captured (last value):', p.theme, p.lang);
console.log('done');
