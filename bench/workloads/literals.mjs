// Workload (j): object literals and closures made per call. Factories return
// objects with getters and method shorthand closing over their arguments; hot
// methods create callbacks (forEach/reduce/sort arrows, function expressions)
// on every call; a small store dispatches actions to listeners; validators are
// built from rule objects; orders are priced through a pipeline of middleware.

// --- 2-D points: plain data plus method shorthand --------------------------------------------
// Points and polygons are made by the hundred thousand and have no getters: V8 builds a
// literal with a getter on a slow path, as a dictionary-mode object, and with polygons
// built that way their points outlived young-generation collections and GC dominated.
// The getters are on the longer-lived objects (store, validator, histogram) and orders.
function point(x, y) {
  return {
    x,
    y,
    lengthSquared() { return x * x + y * y; },
    add(o) { return point(x + o.x, y + o.y); },
    sub(o) { return point(x - o.x, y - o.y); },
    scale(k) { return point(x * k, y * k); },
    dot(o) { return x * o.x + y * o.y; },
    cross(o) { return x * o.y - y * o.x; },
    rotate90() { return point(-y, x); },
    equals(o) { return x === o.x && y === o.y; },
  };
}

function polygon(points) {
  return {
    count() { return points.length; },
    // Twice the signed area (shoelace formula), integer for integer vertices.
    area2() {
      let sum = 0;
      points.forEach((p, i) => {
        const q = points[(i + 1) % points.length];
        sum += p.cross(q);
      });
      return sum;
    },
    perimeterL1() {
      return points.reduce((acc, p, i) => {
        const d = p.sub(points[(i + 1) % points.length]);
        return acc + Math.abs(d.x) + Math.abs(d.y);
      }, 0);
    },
    translate(d) {
      return polygon(points.map((p) => {
        return p.add(d);
      }));
    },
    rotate() {
      return polygon(points.map(function (p) { return p.rotate90(); }));
    },
    centroidTimes(n) {
      let acc = point(0, 0);
      for (const p of points) acc = acc.add(p.scale(n));
      return acc;
    },
  };
}

// --- a store with reducers and listeners ---------------------------------------------------
function createStore(reducer, initial) {
  let state = initial;
  let listeners = [];
  let dispatching = false;
  return {
    getState() { return state; },
    dispatch(action) {
      if (dispatching) throw new Error('reducers may not dispatch');
      dispatching = true;
      try {
        state = reducer(state, action);
      } finally {
        dispatching = false;
      }
      listeners.forEach((listener) => {
        listener(state, action);
      });
      return action;
    },
    subscribe(listener) {
      listeners = [...listeners, listener];
      return function unsubscribe() {
        listeners = listeners.filter((l) => {
          return l !== listener;
        });
      };
    },
    get listenerCount() { return listeners.length; },
  };
}

function combineReducers(reducers) {
  const keys = Object.keys(reducers);
  return function combined(state, action) {
    let changed = false;
    const next = {};
    keys.forEach((key) => {
      const before = state[key];
      const after = reducers[key](before, action);
      next[key] = after;
      if (after !== before) changed = true;
    });
    return changed ? next : state;
  };
}

const counterReducer = (state, action) => {
  switch (action.type) {
    case 'add': return { ...state, total: state.total + action.amount, count: state.count + 1 };
    case 'reset': return { total: 0, count: 0 };
    default: return state;
  }
};

const cartReducer = (state, action) => {
  if (action.type === 'addItem') {
    const existing = state.items.find((it) => {
      return it.sku === action.sku;
    });
    const items = existing === undefined
      ? [...state.items, { sku: action.sku, qty: action.qty }]
      : state.items.map((it) => {
        return it.sku === action.sku ? { ...it, qty: it.qty + action.qty } : it;
      });
    return { ...state, items };
  }
  if (action.type === 'removeItem') {
    return { ...state, items: state.items.filter((it) => { return it.sku !== action.sku; }) };
  }
  if (action.type === 'reset') return { items: [] };
  return state;
};

// --- validation rules as objects ----------------------------------------------------------------
const rules = {
  required() {
    return { name: 'required', test(v) { return v !== undefined && v !== null && v !== ''; } };
  },
  min(n) {
    return { name: `min${n}`, test(v) { return typeof v === 'number' && v >= n; } };
  },
  max(n) {
    return { name: `max${n}`, test(v) { return typeof v === 'number' && v <= n; } };
  },
  length(lo, hi) {
    return {
      name: 'length',
      test(v) {
        return typeof v === 'string' && v.length >= lo && v.length <= hi;
      },
    };
  },
  oneOf(...options) {
    return { name: 'oneOf', test(v) { return options.includes(v); } };
  },
};

function validator(schema) {
  const fields = Object.keys(schema);
  return {
    validate(record) {
      const errors = [];
      fields.forEach(function (field) {
        const value = record[field];
        schema[field].forEach((rule) => {
          if (!rule.test(value)) errors.push(`${field}:${rule.name}`);
        });
      });
      return { ok: errors.length === 0, errors };
    },
    get fieldCount() { return fields.length; },
  };
}

// --- pricing middleware -----------------------------------------------------------------------------
function compose(middlewares) {
  return function (ctx) {
    let last = -1;
    const step = (i) => {
      if (i <= last) throw new Error('next() called twice');
      last = i;
      const mw = middlewares[i];
      if (mw === undefined) return ctx;
      return mw(ctx, () => {
        return step(i + 1);
      });
    };
    return step(0);
  };
}

function makeOrder(lines, customer) {
  return {
    lines,
    customer,
    discounts: [],
    get subtotal() {
      return this.lines.reduce((sum, line) => {
        return sum + line.price * line.qty;
      }, 0);
    },
    get itemCount() {
      let n = 0;
      this.lines.forEach((line) => { n += line.qty; });
      return n;
    },
    applyDiscount(name, cents) {
      this.discounts.push({ name, cents });
      return this;
    },
    get total() {
      let t = this.subtotal;
      this.discounts.forEach(function (d) { t -= d.cents; });
      return Math.max(0, t);
    },
  };
}

function pricingPipeline(tier) {
  return compose([
    (order, next) => {
      if (order.itemCount >= 10) order.applyDiscount('bulk', Math.trunc(order.subtotal / 20));
      return next();
    },
    function loyalty(order, next) {
      if (tier > 1) order.applyDiscount('loyalty', tier * 50);
      return next();
    },
    (order, next) => {
      const sorted = order.lines.slice().sort(function (a, b) {
        return b.price - a.price || a.sku - b.sku;
      });
      if (sorted.length >= 3) order.applyDiscount('third', Math.trunc(sorted[2].price / 2));
      return next();
    },
  ]);
}

// --- running statistics with getters ---------------------------------------------------------------
function histogram(bucketWidth) {
  const buckets = new Map();
  let count = 0, sum = 0, max = -Infinity;
  return {
    get count() { return count; },
    get mean() { return count === 0 ? 0 : Math.trunc(sum / count); },
    get max() { return max; },
    get bucketCount() { return buckets.size; },
    add(v) {
      count++;
      sum += v;
      if (v > max) max = v;
      const b = Math.trunc(v / bucketWidth);
      buckets.set(b, (buckets.get(b) ?? 0) + 1);
      return this;
    },
    mode() {
      let best = -1, bestCount = 0;
      buckets.forEach((n, b) => {
        if (n > bestCount || (n === bestCount && b < best)) {
          best = b;
          bestCount = n;
        }
      });
      return best * bucketWidth;
    },
  };
}

// --- the program -------------------------------------------------------------------------------------
function makeRandom(seed) {
  let s = seed >>> 0;
  return {
    next() {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      return s;
    },
    below(n) { return (this.next() >>> 8) % n; },
  };
}

// Eight points around a circle of radius 50, counter-clockwise.
const DIRECTIONS = [[50, 0], [35, 35], [0, 50], [-35, 35], [-50, 0], [-35, -35], [0, -50], [35, -35]];

function geometryRound(rnd) {
  const pts = [];
  const n = 3 + rnd.below(6);
  for (let i = 0; i < n; i++) {
    const [dx, dy] = DIRECTIONS[Math.trunc((i * 8) / n)];
    pts.push(point(dx + rnd.below(5), dy + rnd.below(5)));
  }
  let poly = polygon(pts);
  let sum = 0;
  for (let k = 0; k < 4; k++) {
    poly = poly.translate(point(rnd.below(7) - 3, rnd.below(7) - 3)).rotate();
    sum += poly.area2() + poly.perimeterL1();
  }
  const c = poly.centroidTimes(2);
  return sum + c.x * 3 + c.y + c.lengthSquared() + poly.count();
}

const recordSchema = {
  name: [rules.required(), rules.length(2, 12)],
  age: [rules.required(), rules.min(0), rules.max(120)],
  role: [rules.oneOf('admin', 'user', 'guest')],
  score: [rules.min(0), rules.max(1000)],
};
const NAMES = ['ada', 'b', 'grace', 'linus', 'margaret-hamilton', '', 'ken', 'barbara'];
const ROLES = ['admin', 'user', 'guest', 'root'];

export function run() {
  const rnd = makeRandom(2024);
  const store = createStore(combineReducers({ counter: counterReducer, cart: cartReducer }), {
    counter: { total: 0, count: 0 },
    cart: { items: [] },
  });
  let seen = 0;
  let cartSize = 0;
  store.subscribe((state, action) => {
    seen = (seen + state.counter.count + action.type.length) >>> 0;
  });
  const unsubscribe = store.subscribe(function (state) {
    cartSize = state.cart.items.length;
  });
  const check = validator(recordSchema);
  const totals = histogram(250);
  const errorCounts = histogram(1);
  let checksum = 0;

  for (let i = 0; i < 100000; i++) {
    const r = rnd.below(10);
    if (r < 5) store.dispatch({ type: 'add', amount: rnd.below(100) });
    else if (r < 8) store.dispatch({ type: 'addItem', sku: rnd.below(12), qty: 1 + rnd.below(3) });
    else if (r < 9) store.dispatch({ type: 'removeItem', sku: rnd.below(12) });
    else store.dispatch({ type: 'noop' });
    if (i % 5000 === 4999) store.dispatch({ type: 'reset' });

    const record = { name: NAMES[rnd.below(NAMES.length)], age: rnd.below(140) - 10, role: ROLES[rnd.below(4)], score: rnd.below(1200) };
    const result = check.validate(record);
    checksum = (checksum + (result.ok ? 7 : result.errors.length * 3 + result.errors.join(',').length)) >>> 0;
    errorCounts.add(result.errors.length);
    if (errorCounts.max > 3) checksum = (checksum + errorCounts.mean) >>> 0;

    if (i % 3 === 0) {
      const items = store.getState().cart.items;
      const lines = items.map((it) => {
        return { sku: it.sku, qty: it.qty, price: 199 + it.sku * 150 };
      });
      const order = pricingPipeline(1 + (i % 4))(makeOrder(lines, `c${i % 17}`));
      checksum = (checksum * 31 + order.total + order.discounts.length) >>> 0;
      totals.add(order.total);
      checksum = (checksum + totals.mean + totals.bucketCount) >>> 0;
    }
    if (i % 10 === 0) checksum = (checksum + geometryRound(rnd)) >>> 0;
  }

  unsubscribe();
  const state = store.getState();
  checksum = (checksum * 17 + seen + cartSize + state.counter.total + store.listenerCount + check.fieldCount) >>> 0;
  return (checksum + totals.count + totals.max + totals.mode() + errorCounts.mode() * 5) >>> 0;
}
