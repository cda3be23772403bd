// Errors thrown by getters while reading properties in various syntactic positions.
var obj = {
  get bad() {
    throw new Error('getter failed');
  },
  get ok() {
    return 'fine';
  },
};
var positions = {
  'member read': function () { return obj.bad; },
  'destructuring': function () { var { bad } = obj; return bad; },
  'template literal': function () { return `${obj.bad}`; },
  'spread': function () { return { ...obj }; },
  'Object.assign': function () { return Object.assign({}, obj); },
  'JSON.stringify': function () { return JSON.stringify(obj); },
  'in operator (no getter call)': function () { return 'bad' in obj; },
  'Object.keys (no getter call)': function () { return Object.keys(obj).join(','); },
  'optional chaining': function () { return obj?.bad; },
  'typeof': function () { return typeof obj.bad; },
};
Object.keys(positions).forEach(function (label) {
  try {
    console.log(label + ': ' + positions[label]());
  } catch (e) {
    console.log(label + ': threw ' + e.message);
  }
});

class Lazy {
  get value() {
    return this.compute();
  }
  compute() {
    throw new RangeError('compute failed inside getter');
  }
}
try {
  new Lazy().value;
} catch (e) {
  console.log('class getter:', e.constructor.name, e.message);
}
console.log('done');
