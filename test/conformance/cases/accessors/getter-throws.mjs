// Errors thrown from accessors propagate with correct stack line numbers.
const FILE = import.meta.url.slice(import.meta.url.lastIndexOf('/') + 1);
const frames = (e) =>
  e.stack
    .split('\n')
    .filter((l) => l.includes(FILE))
    .map((l) => l.match(/([\w.-]+):(\d+):\d+\)?$/).slice(1, 3).join(':'));

class Guarded {
  get value() {
    throw new Error('value is not ready');
  }
  set value(v) {
    if (v < 0) {
      throw new RangeError(`negative: ${v}`);
    }
  }
  static get broken() {
    return this.missing.deep;
  }
}

function readValue(g) {
  return g.value;
}

for (const attempt of [
  () => readValue(new Guarded()),
  () => {
    new Guarded().value = -1;
  },
  () => Guarded.broken,
]) {
  try {
    attempt();
  } catch (e) {
    console.log(e.constructor.name, '|', e.message, '|', frames(e).join(' <- '));
  }
}

const lit = {
  get explode() {
    return JSON.parse('{bad json');
  },
};
try {
  ({ ...lit });
} catch (e) {
  console.log('spread triggers getter:', e.constructor.name, frames(e).join(' <- '));
}
console.log('done');
