// Computed keys built in loops, with closures over loop variables.
const handlers = {};
const events = ['open', 'close', 'error'];
for (const ev of events) {
  Object.assign(handlers, {
    [`on${ev[0].toUpperCase()}${ev.slice(1)}`]() {
      return `handled ${ev}`;
    },
  });
}
console.log(Object.keys(handlers).join(','));
console.log(Object.values(handlers).map((h) => `${h.name} -> ${h()}`).join(' | '));

const classes = [];
for (let i = 0; i < 3; i++) {
  classes.push(
    class {
      [`m${i}`]() {
        return i * 10;
      }
      static [`s${i}`] = i;
    }
  );
}
console.log(classes.map((C, i) => `${new C()[`m${i}`]()}/${C[`s${i}`]}`).join(' '));

const built = Object.fromEntries(events.map((e, i) => [e, () => i]));
console.log('fromEntries names:', Object.values(built).map((f) => JSON.stringify(f.name)).join(','));
console.log('done');
