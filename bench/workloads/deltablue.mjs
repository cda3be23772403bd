// Workload (g): a DeltaBlue-style incremental one-way constraint solver.
// A planner keeps a set of constraints between variables satisfied: each
// constraint of a class hierarchy (stay, edit, equality, scale, sum) picks a
// method (which variable it writes) by comparing strengths, the planner walks
// the graph to propagate walkabout strengths, and extracts plans that it
// executes many times. Many tiny methods, small constructors, polymorphic calls.

// --- strengths ----------------------------------------------------------------
class Strength {
  constructor(level, name) {
    this.level = level;
    this.name = name;
  }
  static stronger(a, b) { return a.level < b.level; }
  static weaker(a, b) { return a.level > b.level; }
  static weakestOf(a, b) { return Strength.weaker(a, b) ? a : b; }
  static strongestOf(a, b) { return Strength.stronger(a, b) ? a : b; }
  get isRequired() { return this.level === 0; }
  nextWeaker() {
    switch (this.level) {
      case 0: return Strength.STRONG_PREFERRED;
      case 1: return Strength.PREFERRED;
      case 2: return Strength.STRONG_DEFAULT;
      case 3: return Strength.NORMAL;
      case 4: return Strength.WEAK_DEFAULT;
      default: return Strength.WEAKEST;
    }
  }
}
Strength.REQUIRED = new Strength(0, 'required');
Strength.STRONG_PREFERRED = new Strength(1, 'strongPreferred');
Strength.PREFERRED = new Strength(2, 'preferred');
Strength.STRONG_DEFAULT = new Strength(3, 'strongDefault');
Strength.NORMAL = new Strength(4, 'normal');
Strength.WEAK_DEFAULT = new Strength(5, 'weakDefault');
Strength.WEAKEST = new Strength(6, 'weakest');

const NONE = 0, FORWARD = 1, BACKWARD = 2;

class SolverError extends Error {}

// --- a small ordered collection, as the planner's work lists ------------------------
class OrderedCollection {
  constructor() {
    this.items = [];
    this.head = 0;
  }
  add(x) { this.items.push(x); }
  get size() { return this.items.length - this.head; }
  get isEmpty() { return this.head === this.items.length; }
  at(i) { return this.items[this.head + i]; }
  removeFirst() {
    const x = this.items[this.head++];
    if (this.head > 64 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return x;
  }
  remove(x) {
    const kept = [];
    for (let i = this.head; i < this.items.length; i++) {
      if (this.items[i] !== x) kept.push(this.items[i]);
    }
    this.items = kept;
    this.head = 0;
  }
  forEach(fn) {
    for (let i = this.head; i < this.items.length; i++) fn(this.items[i]);
  }
}

// --- variables ---------------------------------------------------------------------
class Variable {
  constructor(name, value = 0) {
    this.name = name;
    this.value = value;
    this.constraints = new OrderedCollection();
    this.determinedBy = null;
    this.mark = 0;
    this.walkStrength = Strength.WEAKEST;
    this.stay = true;
  }
  addConstraint(c) { this.constraints.add(c); }
  removeConstraint(c) {
    this.constraints.remove(c);
    if (this.determinedBy === c) this.determinedBy = null;
  }
  get isDetermined() { return this.determinedBy !== null; }
  isMarked(mark) { return this.mark === mark; }
}

// --- constraints -----------------------------------------------------------------------
class Constraint {
  constructor(planner, strength) {
    this.planner = planner;
    this.strength = strength;
  }
  addConstraint() {
    this.addToGraph();
    this.planner.incrementalAdd(this);
  }
  // Try to satisfy this constraint; returns the constraint it overrode, if any.
  satisfy(mark) {
    this.chooseMethod(mark);
    if (!this.isSatisfied()) {
      if (this.strength.isRequired) throw new SolverError('could not satisfy a required constraint');
      return null;
    }
    this.markInputs(mark);
    const out = this.output();
    const overridden = out.determinedBy;
    if (overridden !== null) overridden.markUnsatisfied();
    out.determinedBy = this;
    if (!this.planner.addPropagate(this, mark)) throw new SolverError('cycle encountered');
    out.mark = mark;
    return overridden;
  }
  destroyConstraint() {
    if (this.isSatisfied()) this.planner.incrementalRemove(this);
    this.removeFromGraph();
  }
  isInput() { return false; }
}

class UnaryConstraint extends Constraint {
  constructor(planner, v, strength) {
    super(planner, strength);
    this.myOutput = v;
    this.satisfied = false;
  }
  addToGraph() {
    this.myOutput.addConstraint(this);
    this.satisfied = false;
  }
  chooseMethod(mark) {
    this.satisfied = this.myOutput.mark !== mark && Strength.stronger(this.strength, this.myOutput.walkStrength);
  }
  isSatisfied() { return this.satisfied; }
  markInputs(_mark) {}
  output() { return this.myOutput; }
  recalculate() {
    this.myOutput.walkStrength = this.strength;
    this.myOutput.stay = !this.isInput();
    if (this.myOutput.stay) this.execute();
  }
  markUnsatisfied() { this.satisfied = false; }
  inputsKnown(_mark) { return true; }
  removeFromGraph() {
    if (this.myOutput !== null) this.myOutput.removeConstraint(this);
    this.satisfied = false;
  }
}

// Keeps a variable where it is, unless something stronger moves it.
class StayConstraint extends UnaryConstraint {
  constructor(planner, v, strength) {
    super(planner, v, strength);
    this.addConstraint();
  }
  execute() {}
}

// Marks a variable as an input that the caller changes between plan executions.
class EditConstraint extends UnaryConstraint {
  constructor(planner, v, strength) {
    super(planner, v, strength);
    this.addConstraint();
  }
  isInput() { return true; }
  execute() {}
}

class BinaryConstraint extends Constraint {
  constructor(planner, v1, v2, strength) {
    super(planner, strength);
    this.v1 = v1;
    this.v2 = v2;
    this.direction = NONE;
  }
  chooseMethod(mark) {
    const v1 = this.v1, v2 = this.v2;
    if (v1.mark === mark) {
      this.direction = v2.mark !== mark && Strength.stronger(this.strength, v2.walkStrength) ? FORWARD : NONE;
      return;
    }
    if (v2.mark === mark) {
      this.direction = v1.mark !== mark && Strength.stronger(this.strength, v1.walkStrength) ? BACKWARD : NONE;
      return;
    }
    // Neither end was written in this pass: overwrite the end held more weakly.
    if (Strength.weaker(v1.walkStrength, v2.walkStrength)) {
      this.direction = Strength.stronger(this.strength, v1.walkStrength) ? BACKWARD : NONE;
    } else {
      this.direction = Strength.stronger(this.strength, v2.walkStrength) ? FORWARD : NONE;
    }
  }
  addToGraph() {
    this.v1.addConstraint(this);
    this.v2.addConstraint(this);
    this.direction = NONE;
  }
  isSatisfied() { return this.direction !== NONE; }
  markInputs(mark) { this.input().mark = mark; }
  input() { return this.direction === FORWARD ? this.v1 : this.v2; }
  output() { return this.direction === FORWARD ? this.v2 : this.v1; }
  recalculate() {
    const ihn = this.input(), out = this.output();
    out.walkStrength = Strength.weakestOf(this.strength, ihn.walkStrength);
    out.stay = ihn.stay;
    if (out.stay) this.execute();
  }
  markUnsatisfied() { this.direction = NONE; }
  inputsKnown(mark) {
    const i = this.input();
    return i.mark === mark || i.stay || i.determinedBy === null;
  }
  removeFromGraph() {
    if (this.v1 !== null) this.v1.removeConstraint(this);
    if (this.v2 !== null) this.v2.removeConstraint(this);
    this.direction = NONE;
  }
}

// v2 = v1
class EqualityConstraint extends BinaryConstraint {
  constructor(planner, v1, v2, strength) {
    super(planner, v1, v2, strength);
    this.addConstraint();
  }
  execute() { this.output().value = this.input().value; }
}

// dest = src * scale + offset, or src = (dest - offset) / scale backwards.
class ScaleConstraint extends BinaryConstraint {
  constructor(planner, src, scale, offset, dest, strength) {
    super(planner, src, dest, strength);
    this.scale = scale;
    this.offset = offset;
    this.addConstraint();
  }
  addToGraph() {
    super.addToGraph();
    this.scale.addConstraint(this);
    this.offset.addConstraint(this);
  }
  removeFromGraph() {
    super.removeFromGraph();
    if (this.scale !== null) this.scale.removeConstraint(this);
    if (this.offset !== null) this.offset.removeConstraint(this);
  }
  markInputs(mark) {
    super.markInputs(mark);
    this.scale.mark = mark;
    this.offset.mark = mark;
  }
  execute() {
    if (this.direction === FORWARD) {
      this.v2.value = this.v1.value * this.scale.value + this.offset.value;
    } else {
      this.v1.value = Math.trunc((this.v2.value - this.offset.value) / this.scale.value);
    }
  }
  recalculate() {
    const ihn = this.input(), out = this.output();
    out.walkStrength = Strength.weakestOf(this.strength, ihn.walkStrength);
    out.stay = ihn.stay && this.scale.stay && this.offset.stay;
    if (out.stay) this.execute();
  }
}

// v2 = v1 + addend, where addend is a variable read as a constant input.
class OffsetConstraint extends BinaryConstraint {
  constructor(planner, v1, addend, v2, strength) {
    super(planner, v1, v2, strength);
    this.addend = addend;
    this.addConstraint();
  }
  addToGraph() {
    super.addToGraph();
    this.addend.addConstraint(this);
  }
  removeFromGraph() {
    super.removeFromGraph();
    if (this.addend !== null) this.addend.removeConstraint(this);
  }
  markInputs(mark) {
    super.markInputs(mark);
    this.addend.mark = mark;
  }
  execute() {
    if (this.direction === FORWARD) this.v2.value = this.v1.value + this.addend.value;
    else this.v1.value = this.v2.value - this.addend.value;
  }
  recalculate() {
    const ihn = this.input(), out = this.output();
    out.walkStrength = Strength.weakestOf(this.strength, ihn.walkStrength);
    out.stay = ihn.stay && this.addend.stay;
    if (out.stay) this.execute();
  }
}

// --- plans and the planner --------------------------------------------------------------
class Plan {
  constructor() { this.constraints = []; }
  addConstraint(c) { this.constraints.push(c); }
  get size() { return this.constraints.length; }
  constraintAt(i) { return this.constraints[i]; }
  execute() {
    for (let i = 0; i < this.size; i++) this.constraintAt(i).execute();
  }
}

class Planner {
  constructor() {
    this.currentMark = 0;
    this.added = 0;
    this.removed = 0;
  }
  newMark() { return ++this.currentMark; }

  incrementalAdd(c) {
    const mark = this.newMark();
    this.added++;
    let overridden = c.satisfy(mark);
    while (overridden !== null) overridden = overridden.satisfy(mark);
  }

  incrementalRemove(c) {
    const out = c.output();
    this.removed++;
    c.markUnsatisfied();
    c.removeFromGraph();
    const unsatisfied = this.removePropagateFrom(out);
    let strength = Strength.REQUIRED;
    do {
      for (let i = 0; i < unsatisfied.size; i++) {
        const u = unsatisfied.at(i);
        if (u.strength === strength) this.incrementalAdd(u);
      }
      strength = strength.nextWeaker();
    } while (strength !== Strength.WEAKEST);
  }

  makePlan(sources) {
    const mark = this.newMark();
    const plan = new Plan();
    const todo = sources;
    while (!todo.isEmpty) {
      const c = todo.removeFirst();
      if (!c.output().isMarked(mark) && c.inputsKnown(mark)) {
        plan.addConstraint(c);
        c.output().mark = mark;
        this.addConstraintsConsumingTo(c.output(), todo);
      }
    }
    return plan;
  }

  extractPlanFromConstraints(constraints) {
    const sources = new OrderedCollection();
    for (const c of constraints) {
      if (c.isInput() && c.isSatisfied()) sources.add(c);
    }
    return this.makePlan(sources);
  }

  addPropagate(c, mark) {
    const todo = new OrderedCollection();
    todo.add(c);
    while (!todo.isEmpty) {
      const d = todo.removeFirst();
      if (d.output().isMarked(mark)) {
        this.incrementalRemove(c);
        return false;
      }
      d.recalculate();
      this.addConstraintsConsumingTo(d.output(), todo);
    }
    return true;
  }

  removePropagateFrom(out) {
    out.determinedBy = null;
    out.walkStrength = Strength.WEAKEST;
    out.stay = true;
    const unsatisfied = new OrderedCollection();
    const todo = new OrderedCollection();
    todo.add(out);
    while (!todo.isEmpty) {
      const v = todo.removeFirst();
      const cs = v.constraints;
      for (let i = 0; i < cs.size; i++) {
        const c = cs.at(i);
        if (!c.isSatisfied()) unsatisfied.add(c);
      }
      const determining = v.determinedBy;
      for (let i = 0; i < cs.size; i++) {
        const next = cs.at(i);
        if (next !== determining && next.isSatisfied()) {
          next.recalculate();
          todo.add(next.output());
        }
      }
    }
    return unsatisfied;
  }

  addConstraintsConsumingTo(v, coll) {
    const determining = v.determinedBy;
    const cs = v.constraints;
    for (let i = 0; i < cs.size; i++) {
      const c = cs.at(i);
      if (c !== determining && c.isSatisfied()) coll.add(c);
    }
  }
}

// --- the test programs -------------------------------------------------------------------
function check(ok, what) {
  if (!ok) throw new SolverError(`check failed: ${what}`);
}

// Edit the first variable of a chain of equalities and watch the last follow.
function chainTest(n) {
  const planner = new Planner();
  const vars = [];
  for (let i = 0; i <= n; i++) vars.push(new Variable(`v${i}`));
  for (let i = 0; i < n; i++) new EqualityConstraint(planner, vars[i], vars[i + 1], Strength.REQUIRED);
  const first = vars[0], last = vars[n];
  new StayConstraint(planner, last, Strength.STRONG_DEFAULT);
  const edit = new EditConstraint(planner, first, Strength.PREFERRED);
  const plan = planner.extractPlanFromConstraints([edit]);
  let sum = 0;
  for (let i = 0; i < 100; i++) {
    first.value = i;
    plan.execute();
    check(last.value === i, 'chain');
    sum += last.value;
  }
  edit.destroyConstraint();
  return sum + plan.size + planner.currentMark;
}

function change(planner, v, newValue) {
  const edit = new EditConstraint(planner, v, Strength.PREFERRED);
  const plan = planner.extractPlanFromConstraints([edit]);
  for (let i = 0; i < 10; i++) {
    v.value = newValue;
    plan.execute();
  }
  edit.destroyConstraint();
  return plan.size;
}

// dst[i] = src[i] * scale + offset for many pairs; edit each end and the shared factors.
function projectionTest(n) {
  const planner = new Planner();
  const scale = new Variable('scale', 10);
  const offset = new Variable('offset', 1000);
  let src = null, dst = null;
  const dests = [];
  for (let i = 0; i < n; i++) {
    src = new Variable(`src${i}`, i);
    dst = new Variable(`dst${i}`, i);
    dests.push(dst);
    new StayConstraint(planner, src, Strength.NORMAL);
    new ScaleConstraint(planner, src, scale, offset, dst, Strength.REQUIRED);
  }
  let sum = change(planner, src, 17);
  check(dst.value === 1170, 'projection forward');
  sum += change(planner, dst, 1050);
  check(src.value === 5, 'projection backward');
  sum += change(planner, scale, 5);
  for (let i = 0; i < n - 1; i++) check(dests[i].value === i * 5 + 1000, 'projection scale');
  sum += change(planner, offset, 2000);
  for (let i = 0; i < n - 1; i++) check(dests[i].value === i * 5 + 2000, 'projection offset');
  for (const d of dests) sum += d.value;
  return sum + planner.added + planner.removed;
}

// A ledger: running balances b[i] = b[i-1] + amount[i], each amount held by a weak
// stay; an edit of one amount overrides its stay and the plan recomputes the tail.
function ledgerTest(n) {
  const planner = new Planner();
  const balances = [new Variable('b0', 0)];
  const amounts = [];
  new StayConstraint(planner, balances[0], Strength.REQUIRED);
  for (let i = 1; i <= n; i++) {
    const amount = new Variable(`a${i}`, (i * 7) % 23);
    const b = new Variable(`b${i}`, 0);
    amounts.push(amount);
    balances.push(b);
    new StayConstraint(planner, amount, Strength.WEAK_DEFAULT);
    new OffsetConstraint(planner, balances[i - 1], amount, b, Strength.REQUIRED);
  }
  let sum = balances[n].value;
  for (let k = 0; k < n; k += 5) {
    const amount = amounts[k];
    const edit = new EditConstraint(planner, amount, Strength.STRONG_DEFAULT);
    const plan = planner.extractPlanFromConstraints([edit]);
    for (let v = 0; v < 4; v++) {
      amount.value = v * 3 + k;
      plan.execute();
      sum += balances[n].value;
    }
    edit.destroyConstraint();
  }
  let expected = 0;
  for (const a of amounts) expected += a.value;
  check(balances[n].value === expected, 'ledger total');
  return sum + planner.added * 3 + planner.removed;
}

export function run() {
  let checksum = 0;
  for (let i = 0; i < 1250; i++) {
    const n = 60 + (i % 5) * 20;
    checksum = (checksum * 31 + chainTest(n)) >>> 0;
    checksum = (checksum * 31 + projectionTest(n)) >>> 0;
    checksum = (checksum * 31 + ledgerTest(n >> 1)) >>> 0;
  }
  return checksum;
}
