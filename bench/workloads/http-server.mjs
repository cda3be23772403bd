// HTTP workload: a node:http JSON API on 127.0.0.1 with realistic per-request
// work spread over several small classes: routing with path parameters, an LRU
// cache, a repository with filtering/sorting/pagination, ETags, JSON output.
//
// Started as a child process; prints one JSON line {"port": N} on stdout once
// listening. Stops on SIGTERM/SIGINT or when stdin closes.
import http from 'node:http';
import { createHash } from 'node:crypto';

class HttpError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

class Route {
  #segments;
  constructor(method, pattern, handler) {
    this.method = method;
    this.pattern = pattern;
    this.handler = handler;
    this.#segments = pattern.split('/').filter(Boolean);
  }
  get paramNames() { return this.#segments.filter((s) => s.startsWith(':')).map((s) => s.slice(1)); }
  match(method, parts) {
    if (method !== this.method || parts.length !== this.#segments.length) return null;
    const params = {};
    for (let i = 0; i < parts.length; i++) {
      const seg = this.#segments[i];
      if (seg.startsWith(':')) params[seg.slice(1)] = decodeURIComponent(parts[i]);
      else if (seg !== parts[i]) return null;
    }
    return params;
  }
}

class Router {
  #routes = [];
  get(pattern, handler) { return this.#add('GET', pattern, handler); }
  post(pattern, handler) { return this.#add('POST', pattern, handler); }
  #add(method, pattern, handler) { this.#routes.push(new Route(method, pattern, handler)); return this; }
  resolve(method, pathname) {
    const parts = pathname.split('/').filter(Boolean);
    for (const route of this.#routes) {
      const params = route.match(method, parts);
      if (params !== null) return { route, params };
    }
    return null;
  }
}

class LruCache {
  #map = new Map();
  #hits = 0;
  #misses = 0;
  constructor(capacity) { this.capacity = capacity; }
  get size() { return this.#map.size; }
  get hitRate() { const t = this.#hits + this.#misses; return t === 0 ? 0 : this.#hits / t; }
  get(key) {
    if (!this.#map.has(key)) { this.#misses++; return undefined; }
    const value = this.#map.get(key);
    this.#map.delete(key);
    this.#map.set(key, value);
    this.#hits++;
    return value;
  }
  set(key, value) {
    if (this.#map.has(key)) this.#map.delete(key);
    else if (this.#map.size >= this.capacity) this.#map.delete(this.#map.keys().next().value);
    this.#map.set(key, value);
  }
  getOrCompute(key, compute) {
    let v = this.get(key);
    if (v === undefined) { v = compute(); this.set(key, v); }
    return v;
  }
}

class Money {
  constructor(cents, currency = 'EUR') { this.cents = cents; this.currency = currency; }
  add(o) { return new Money(this.cents + o.cents, this.currency); }
  times(n) { return new Money(Math.round(this.cents * n), this.currency); }
  toJSON() { return { amount: (this.cents / 100).toFixed(2), currency: this.currency }; }
}

class Product {
  constructor(id, name, category, priceCents, stock, tags) {
    this.id = id; this.name = name; this.category = category;
    this.price = new Money(priceCents); this.stock = stock; this.tags = tags;
  }
  get inStock() { return this.stock > 0; }
  matches(query) { return this.name.includes(query) || this.tags.some((t) => t === query); }
  toJSON() { return { id: this.id, name: this.name, category: this.category, price: this.price, inStock: this.inStock, tags: this.tags }; }
}

class User {
  constructor(id, name, email, orders) { this.id = id; this.name = name; this.email = email; this.orders = orders; }
  get displayName() { return this.name.split(' ').map((p) => p[0].toUpperCase() + p.slice(1)).join(' '); }
  toJSON() { return { id: this.id, name: this.displayName, email: this.email, orderCount: this.orders.length }; }
}

class Repository {
  #products = new Map();
  #users = new Map();
  constructor(seed) {
    let s = seed >>> 0;
    const rnd = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0);
    const categories = ['books', 'garden', 'kitchen', 'toys', 'tools', 'music'];
    const words = ['red', 'blue', 'small', 'large', 'classic', 'eco', 'pro', 'mini', 'smart', 'vintage'];
    for (let i = 1; i <= 800; i++) {
      const name = `${words[rnd() % 10]} ${words[rnd() % 10]} ${categories[i % 6]} item ${i}`;
      this.#products.set(i, new Product(i, name, categories[i % 6], 100 + (rnd() % 20000), rnd() % 5, [words[rnd() % 10], words[rnd() % 10]]));
    }
    for (let i = 1; i <= 500; i++) {
      const orders = [];
      for (let k = 0; k < rnd() % 8; k++) orders.push({ productId: 1 + (rnd() % 800), quantity: 1 + (rnd() % 3) });
      this.#users.set(i, new User(i, `user${i} surname${i % 37}`, `user${i}@example.test`, orders));
    }
  }
  product(id) { return this.#products.get(id); }
  user(id) { return this.#users.get(id); }
  query({ category, q, sort, page, pageSize }) {
    let items = [...this.#products.values()];
    if (category) items = items.filter((p) => p.category === category);
    if (q) items = items.filter((p) => p.matches(q));
    if (sort === 'price') items.sort((a, b) => a.price.cents - b.price.cents || a.id - b.id);
    else if (sort === 'name') items.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id));
    const total = items.length;
    const start = (page - 1) * pageSize;
    return { total, page, pageSize, items: items.slice(start, start + pageSize) };
  }
  orderSummary(user) {
    let total = new Money(0);
    const lines = user.orders.map((o) => {
      const p = this.product(o.productId);
      const lineTotal = p.price.times(o.quantity);
      total = total.add(lineTotal);
      return { product: p.name, quantity: o.quantity, lineTotal };
    });
    return { user, lines, total };
  }
}

class RequestContext {
  constructor(req, url) { this.req = req; this.url = url; this.params = {}; }
  get method() { return this.req.method; }
  query(name, fallback) { const v = this.url.searchParams.get(name); return v === null ? fallback : v; }
  intQuery(name, fallback, min, max) {
    const n = Number.parseInt(this.query(name, String(fallback)), 10);
    if (!Number.isFinite(n) || n < min || n > max) throw new HttpError(400, `bad ${name}`);
    return n;
  }
}

class JsonResponder {
  #etags = new LruCache(512);
  send(res, status, body, ifNoneMatch) {
    const json = JSON.stringify(body);
    const etag = this.#etags.getOrCompute(json, () => '"' + createHash('sha1').update(json).digest('base64url').slice(0, 16) + '"');
    if (ifNoneMatch === etag) { res.writeHead(304, { etag }); res.end(); return; }
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json), etag });
    res.end(json);
  }
  error(res, err) {
    const status = err instanceof HttpError ? err.status : 500;
    this.send(res, status, { error: err.message });
  }
}

class Metrics {
  #counts = new Map();
  record(name) { this.#counts.set(name, (this.#counts.get(name) ?? 0) + 1); }
  get snapshot() { return Object.fromEntries([...this.#counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))); }
}

class App {
  constructor() {
    this.repo = new Repository(2024);
    this.cache = new LruCache(256);
    this.metrics = new Metrics();
    this.responder = new JsonResponder();
    this.router = new Router()
      .get('/api/products', (ctx) => this.listProducts(ctx))
      .get('/api/products/:id', (ctx) => this.getProduct(ctx))
      .get('/api/users/:id', (ctx) => this.getUser(ctx))
      .get('/api/users/:id/orders', (ctx) => this.getOrders(ctx))
      .get('/health', () => ({ ok: true }));
  }
  listProducts(ctx) {
    const params = {
      category: ctx.query('category', ''),
      q: ctx.query('q', ''),
      sort: ctx.query('sort', 'id'),
      page: ctx.intQuery('page', 1, 1, 1000),
      pageSize: ctx.intQuery('pageSize', 20, 1, 100),
    };
    const key = `products:${params.category}:${params.q}:${params.sort}:${params.page}:${params.pageSize}`;
    // cache only the first pages: deeper pages are recomputed, as in real apps
    return params.page <= 2 ? this.cache.getOrCompute(key, () => this.repo.query(params)) : this.repo.query(params);
  }
  getProduct(ctx) {
    const p = this.repo.product(Number(ctx.params.id));
    if (!p) throw new HttpError(404, 'no such product');
    return p;
  }
  getUser(ctx) {
    const u = this.repo.user(Number(ctx.params.id));
    if (!u) throw new HttpError(404, 'no such user');
    return u;
  }
  getOrders(ctx) {
    const u = this.getUser(ctx);
    return this.cache.getOrCompute(`orders:${u.id}`, () => this.repo.orderSummary(u));
  }
  handle(req, res) {
    const url = new URL(req.url, 'http://127.0.0.1');
    const ctx = new RequestContext(req, url);
    try {
      const found = this.router.resolve(ctx.method, url.pathname);
      if (found === null) throw new HttpError(404, 'not found');
      ctx.params = found.params;
      this.metrics.record(found.route.pattern);
      this.responder.send(res, 200, found.route.handler(ctx), req.headers['if-none-match']);
    } catch (err) {
      this.responder.error(res, err);
    }
  }
}

const app = new App();
const server = http.createServer((req, res) => app.handle(req, res));
server.keepAliveTimeout = 30000;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  process.stdout.write(JSON.stringify({ port, pid: process.pid, prepared: App.prototype.handle.toString().includes('__k_') || Object.getOwnPropertySymbols(globalThis).some((s) => s.description === 'kheiron.runtime.state') }) + '\n');
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.resume();
