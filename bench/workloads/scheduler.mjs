// Workload (h): a discrete-event simulation of a job shop. Jobs arrive, flow
// through stages of machines, wait in per-stage priority queues, and machines
// break down and get repaired. A binary-heap event queue drives the clock; the
// hot loop constructs events and jobs and calls many tiny getters and methods.

class Random {
  constructor(seed) { this.state = seed >>> 0; }
  next() {
    this.state = (Math.imul(this.state, 1664525) + 1013904223) >>> 0;
    return this.state;
  }
  below(n) { return (this.next() >>> 8) % n; }
  between(lo, hi) { return lo + this.below(hi - lo + 1); }
  chance(percent) { return this.below(100) < percent; }
}

// --- a binary heap ordered by a comparator --------------------------------------------
class Heap {
  constructor(before) {
    this.items = [];
    this.before = before;
  }
  get size() { return this.items.length; }
  get isEmpty() { return this.items.length === 0; }
  peek() { return this.items[0]; }
  push(x) {
    const items = this.items;
    items.push(x);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(items[i], items[parent])) break;
      this.swap(i, parent);
      i = parent;
    }
  }
  pop() {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0) {
      items[0] = last;
      this.siftDown(0);
    }
    return top;
  }
  siftDown(i) {
    const items = this.items;
    const n = items.length;
    for (;;) {
      const l = 2 * i + 1, r = l + 1;
      let best = i;
      if (l < n && this.before(items[l], items[best])) best = l;
      if (r < n && this.before(items[r], items[best])) best = r;
      if (best === i) return;
      this.swap(i, best);
      i = best;
    }
  }
  swap(i, j) {
    const t = this.items[i];
    this.items[i] = this.items[j];
    this.items[j] = t;
  }
}

// --- jobs -------------------------------------------------------------------------------
class Operation {
  constructor(stage, work) {
    this.stage = stage;
    this.work = work;
  }
  get isLong() { return this.work > 40; }
}

class Job {
  constructor(id, arrival, priority, ops) {
    this.id = id;
    this.arrival = arrival;
    this.priority = priority;
    this.ops = ops;
    this.next = 0;
    this.readyAt = arrival;
    this.finishedAt = -1;
    this.deadline = arrival + this.totalWork * 3;
  }
  get totalWork() {
    let w = 0;
    for (const op of this.ops) w += op.work;
    return w;
  }
  get currentOp() { return this.ops[this.next]; }
  get stage() { return this.ops[this.next].stage; }
  get isDone() { return this.next >= this.ops.length; }
  get flowTime() { return this.finishedAt - this.arrival; }
  get tardiness() { return Math.max(0, this.finishedAt - this.deadline); }
  advance(now) {
    this.next++;
    this.readyAt = now;
    if (this.isDone) this.finishedAt = now;
  }
  // Dispatch order in a queue: urgent first, then earliest deadline, then first come.
  static before(a, b) {
    if (a.priority !== b.priority) return a.priority > b.priority;
    if (a.deadline !== b.deadline) return a.deadline < b.deadline;
    return a.id < b.id;
  }
}

// --- machines and stages ------------------------------------------------------------------
class Machine {
  constructor(id, stage, speed) {
    this.id = id;
    this.stage = stage;
    this.speed = speed;
    this.job = null;
    this.up = true;
    this.busyTime = 0;
    this.jobsDone = 0;
    this.breakdowns = 0;
    this.generation = 0;
  }
  get idle() { return this.job === null; }
  get available() { return this.up && this.job === null; }
  durationOf(op) { return Math.max(1, Math.trunc((op.work * 100) / this.speed)); }
  start(job) {
    this.job = job;
    this.generation++;
    const d = this.durationOf(job.currentOp);
    this.busyTime += d;
    return d;
  }
  finish() {
    const job = this.job;
    this.job = null;
    this.jobsDone++;
    return job;
  }
  // A breakdown interrupts the job in progress, which goes back to the queue.
  breakDown() {
    this.up = false;
    this.breakdowns++;
    this.generation++;
    const job = this.job;
    this.job = null;
    return job;
  }
  repair() { this.up = true; }
}

class Stage {
  constructor(index, machines) {
    this.index = index;
    this.machines = machines;
    this.queue = new Heap(Job.before);
    this.maxQueue = 0;
  }
  get waiting() { return this.queue.size; }
  enqueue(job) {
    this.queue.push(job);
    if (this.queue.size > this.maxQueue) this.maxQueue = this.queue.size;
  }
  // The fastest machine that is up and free.
  freeMachine() {
    let best = null;
    for (const m of this.machines) {
      if (m.available && (best === null || m.speed > best.speed)) best = m;
    }
    return best;
  }
}

// --- events ---------------------------------------------------------------------------------
class Event {
  constructor(time, seq) {
    this.time = time;
    this.seq = seq;
  }
  static before(a, b) { return a.time < b.time || (a.time === b.time && a.seq < b.seq); }
  get kind() { return 'event'; }
}

class ArrivalEvent extends Event {
  constructor(time, seq) { super(time, seq); }
  get kind() { return 'arrival'; }
  fire(sim) { sim.onArrival(this.time); }
}

class CompletionEvent extends Event {
  constructor(time, seq, machine) {
    super(time, seq);
    this.machine = machine;
    this.generation = machine.generation;
  }
  get kind() { return 'completion'; }
  get isStale() { return this.generation !== this.machine.generation; }
  fire(sim) {
    if (!this.isStale) sim.onCompletion(this.machine, this.time);
  }
}

class BreakdownEvent extends Event {
  constructor(time, seq, machine) {
    super(time, seq);
    this.machine = machine;
  }
  get kind() { return 'breakdown'; }
  fire(sim) { sim.onBreakdown(this.machine, this.time); }
}

class RepairEvent extends Event {
  constructor(time, seq, machine) {
    super(time, seq);
    this.machine = machine;
  }
  get kind() { return 'repair'; }
  fire(sim) { sim.onRepair(this.machine, this.time); }
}

// --- statistics -----------------------------------------------------------------------------
class Stats {
  constructor() {
    this.completed = 0;
    this.totalFlow = 0;
    this.totalTardiness = 0;
    this.late = 0;
    this.maxFlow = 0;
    this.interrupted = 0;
    this.events = 0;
  }
  record(job) {
    this.completed++;
    this.totalFlow += job.flowTime;
    const t = job.tardiness;
    this.totalTardiness += t;
    if (t > 0) this.late++;
    if (job.flowTime > this.maxFlow) this.maxFlow = job.flowTime;
  }
  get meanFlow() { return this.completed === 0 ? 0 : Math.trunc(this.totalFlow / this.completed); }
}

// --- the simulation ---------------------------------------------------------------------------
class Simulation {
  constructor(seed, jobLimit) {
    this.rnd = new Random(seed);
    this.clock = 0;
    this.seq = 0;
    this.events = new Heap(Event.before);
    this.stats = new Stats();
    this.jobLimit = jobLimit;
    this.jobsCreated = 0;
    this.stages = [];
    let id = 0;
    for (let s = 0; s < 5; s++) {
      const machines = [];
      const count = 2 + (s % 3);
      for (let k = 0; k < count; k++) machines.push(new Machine(id++, s, this.rnd.between(70, 140)));
      this.stages.push(new Stage(s, machines));
    }
  }
  nextSeq() { return this.seq++; }
  schedule(event) { this.events.push(event); }
  scheduleArrival(time) { this.schedule(new ArrivalEvent(time, this.nextSeq())); }
  scheduleCompletion(time, machine) { this.schedule(new CompletionEvent(time, this.nextSeq(), machine)); }
  scheduleBreakdown(time, machine) { this.schedule(new BreakdownEvent(time, this.nextSeq(), machine)); }
  scheduleRepair(time, machine) { this.schedule(new RepairEvent(time, this.nextSeq(), machine)); }

  makeJob(now) {
    const rnd = this.rnd;
    const ops = [];
    const length = rnd.between(2, 5);
    let stage = rnd.below(2);
    for (let i = 0; i < length && stage < this.stages.length; i++) {
      ops.push(new Operation(stage, rnd.between(5, 60)));
      stage += rnd.between(1, 2);
    }
    const priority = rnd.chance(10) ? 2 : rnd.chance(30) ? 1 : 0;
    return new Job(this.jobsCreated++, now, priority, ops);
  }

  onArrival(now) {
    const job = this.makeJob(now);
    this.route(job, now);
    if (this.jobsCreated < this.jobLimit) this.scheduleArrival(now + this.rnd.between(1, 17));
  }

  route(job, now) {
    const stage = this.stages[job.stage];
    const m = stage.freeMachine();
    if (m !== null) this.startOn(m, job, now);
    else stage.enqueue(job);
  }

  startOn(machine, job, now) {
    const d = machine.start(job);
    this.scheduleCompletion(now + d, machine);
  }

  dispatch(stage, now) {
    while (!stage.queue.isEmpty) {
      const m = stage.freeMachine();
      if (m === null) return;
      this.startOn(m, stage.queue.pop(), now);
    }
  }

  onCompletion(machine, now) {
    const job = machine.finish();
    job.advance(now);
    if (job.isDone) this.stats.record(job);
    else this.route(job, now);
    if (this.rnd.chance(2)) this.scheduleBreakdown(now + this.rnd.between(0, 5), machine);
    this.dispatch(this.stages[machine.stage], now);
  }

  onBreakdown(machine, now) {
    if (!machine.up) return;
    const job = machine.breakDown();
    if (job !== null) {
      this.stats.interrupted++;
      this.stages[machine.stage].enqueue(job);
    }
    this.scheduleRepair(now + this.rnd.between(20, 80), machine);
  }

  onRepair(machine, now) {
    machine.repair();
    this.dispatch(this.stages[machine.stage], now);
  }

  run() {
    this.scheduleArrival(0);
    while (!this.events.isEmpty) {
      const e = this.events.pop();
      this.clock = e.time;
      this.stats.events++;
      e.fire(this);
    }
    return this.clock;
  }

  get summary() {
    let s = this.stats.completed * 7 + this.stats.totalTardiness + this.stats.meanFlow * 13 + this.stats.maxFlow;
    s += this.stats.late * 3 + this.stats.interrupted * 5 + this.stats.events;
    for (const st of this.stages) {
      s += st.maxQueue;
      for (const m of st.machines) s += m.busyTime + m.jobsDone * 11 + m.breakdowns;
    }
    return s;
  }
}

export function run() {
  let checksum = 0;
  for (let i = 0; i < 14; i++) {
    const sim = new Simulation(1000 + i * 7919, 20000);
    const end = sim.run();
    if (sim.stats.completed !== sim.jobsCreated) throw new Error('jobs lost in the simulation');
    checksum = (checksum * 31 + sim.summary + end) >>> 0;
  }
  return checksum;
}
