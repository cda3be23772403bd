// Run: npm i --prefix /tmp/parsers meriyah@7.4.2 oxc-parser@0.158.0 acorn@8.19.0 && node_modules/node24/bin/node bench/parsers.mjs
//
// Parser speed for Kheiron's transform: acorn (with the options of
// src/transform/parse.ts) against meriyah and oxc-parser, on a large file
// (typescript.js, ~9 MB) and a small module (marked.esm.js, ~50 kB).
// Standalone plain ESM, no build step; the parsers are not project
// dependencies: they are imported from --from DIR.
//
// Every measurement is a fresh child process that (1) imports the parser
// module (load time, RSS after load), (2) reads the file and parses it once
// (first-pass time: what a loader's cache miss pays; peak RSS after it),
// (3) parses it --warmup more times, then --iters more times (warm time =
// median of those). Each cell is the median over --runs processes. MB = 1e6
// bytes of the file's UTF-8 size.
//
// Options:
//   --from DIR       where the parser packages are (default /tmp/parsers/node_modules)
//   --node PATH      a node binary to measure with; repeatable
//                    (default: node_modules/node24 and node26 of this repo, else this node)
//   --file PATH      a file to parse; repeatable (default typescript.js and marked.esm.js)
//   --runs N         processes per cell (default 5)
//   --warmup N       warm-up parses before the warm timing (default 3)
//   --iters N        timed warm parses (default 5)
//   --only a,b       variants to run (names in the table; default all)
//   --no-check       skip the AST-shape / offset check against acorn
//   --json FILE      also write the raw numbers as JSON
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SELF = fileURLToPath(import.meta.url);
const REPO = path.resolve(path.dirname(SELF), '..');

// ---------------------------------------------------------------- variants
// Each variant: the package it imports and a parse function (mod, src) => result.
// The result is kept alive until the next parse so nothing is optimised away.

const ACORN_KHEIRON = {
  ecmaVersion: 'latest',
  sourceType: 'module',
  allowHashBang: true,
  allowReturnOutsideFunction: false,
  allowAwaitOutsideFunction: false,
  preserveParens: true,
  locations: true,
};

const VARIANTS = {
  acorn: {
    pkg: 'acorn',
    note: 'Kheiron options (parse.ts): latest, module, preserveParens, locations, onComment',
    parse: (m, src) => {
      const comments = [];
      return [m.Parser.parse(src, { ...ACORN_KHEIRON, onComment: comments }), comments];
    },
  },
  'acorn-noloc': {
    pkg: 'acorn',
    note: 'same, locations: false',
    parse: (m, src) => {
      const comments = [];
      return [m.Parser.parse(src, { ...ACORN_KHEIRON, locations: false, onComment: comments }), comments];
    },
  },
  meriyah: {
    pkg: 'meriyah',
    note: "sourceType 'module', ranges, loc, preserveParens, onComment (next: false)",
    parse: (m, src) => {
      const comments = [];
      return [
        m.parse(src, { sourceType: 'module', ranges: true, loc: true, preserveParens: true, onComment: comments }),
        comments,
      ];
    },
  },
  'meriyah-noloc': {
    pkg: 'meriyah',
    note: 'same, loc: false',
    parse: (m, src) => {
      const comments = [];
      return [
        m.parse(src, { sourceType: 'module', ranges: true, preserveParens: true, onComment: comments }),
        comments,
      ];
    },
  },
  'oxc-native': {
    pkg: 'oxc-parser',
    note: 'parseSync only, AST not brought to JS (lower bound, unusable alone)',
    parse: (m, src) => m.parseSync('input.js', src, { lang: 'js', sourceType: 'module', preserveParens: true }),
  },
  oxc: {
    pkg: 'oxc-parser',
    note: 'parseSync + .program + .comments (default path: JSON -> ESTree objects)',
    parse: (m, src) => {
      const r = m.parseSync('input.js', src, { lang: 'js', sourceType: 'module', preserveParens: true });
      return [r.program, r.comments, r.errors];
    },
  },
  'oxc-raw': {
    pkg: 'oxc-parser',
    note: 'same with experimentalRawTransfer: true (buffer -> ESTree objects in JS)',
    parse: (m, src) => {
      const r = m.parseSync('input.js', src, {
        lang: 'js',
        sourceType: 'module',
        preserveParens: true,
        experimentalRawTransfer: true,
      });
      return [r.program, r.comments, r.errors];
    },
  },
  'oxc-raw+loc': {
    pkg: 'oxc-parser',
    note: 'oxc-raw, then a JS walk adding acorn-style loc {line, column} to every node',
    parse: (m, src) => {
      const r = m.parseSync('input.js', src, {
        lang: 'js',
        sourceType: 'module',
        preserveParens: true,
        experimentalRawTransfer: true,
      });
      const program = r.program;
      addLoc(program, src);
      return [program, r.comments, r.errors];
    },
  },
};

/** Adds acorn-compatible `loc` (1-based line, 0-based UTF-16 column) to every node with start/end. */
function addLoc(root, src) {
  const starts = [0];
  for (let i = 0; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (c === 10 || c === 0x2028 || c === 0x2029) starts.push(i + 1);
    else if (c === 13) {
      if (src.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  const pos = (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] };
  };
  const visit = (node) => {
    if (Array.isArray(node)) {
      for (const child of node) if (child !== null && typeof child === 'object') visit(child);
      return;
    }
    if (typeof node.type === 'string' && typeof node.start === 'number') {
      node.loc = { start: pos(node.start), end: pos(node.end) };
    }
    for (const key in node) {
      if (key === 'loc') continue;
      const value = node[key];
      if (value !== null && typeof value === 'object') visit(value);
    }
  };
  visit(root);
}

// ---------------------------------------------------------------- child: one measurement

async function child(spec) {
  const variant = VARIANTS[spec.variant];
  const rss0 = process.memoryUsage().rss;
  const t0 = performance.now();
  const mod = await import(spec.url);
  const loadMs = performance.now() - t0;
  const loadRss = process.memoryUsage().rss;
  const src = fs.readFileSync(spec.file, 'utf8');
  let keep;
  const t1 = performance.now();
  keep = variant.parse(mod, src);
  const firstMs = performance.now() - t1;
  const peakRssKb = process.resourceUsage().maxRSS;
  const errors = Array.isArray(keep) ? keep[2] : keep.errors;
  const errorCount = Array.isArray(errors) ? errors.length : 0;
  for (let i = 0; i < spec.warmup; i++) {
    keep = null;
    keep = variant.parse(mod, src);
  }
  const warm = [];
  for (let i = 0; i < spec.iters; i++) {
    keep = null;
    const t = performance.now();
    keep = variant.parse(mod, src);
    warm.push(performance.now() - t);
  }
  const out = {
    loadMs,
    loadRssMb: (loadRss - rss0) / 1e6,
    firstMs,
    warmMs: median(warm),
    warmAll: warm,
    peakRssMb: (peakRssKb * 1024) / 1e6,
    errorCount,
    firstError: errorCount ? String(errors[0].message) : undefined,
    keep: keep ? 1 : 0,
  };
  process.stdout.write('\n@@RESULT ' + JSON.stringify(out) + '\n');
}

// ---------------------------------------------------------------- child: AST shape check

const NON_ASCII = [
  '// Ünïcödé comment — em dash and emoji 😀',
  'const greeting = "héllo wörld 😀";',
  "const jp = '日本語';",
  'export function café(naïve = `tëmplate ${greeting} 🎉`) {',
  '  return (naïve + jp).length; /* blöck */',
  '}',
  'let re = /ß+/u, big = 12n;',
  'class Ω { #prïv = 1; get ƒ() { return this.#prïv; } static { this.x = 1; } }',
  'label: for (const x of [1]) { if (x) break label; }',
  'const o = { a, b: 1, ...rest, [k]: 2, m() {} }, { p = 1, ...q } = o;',
  'a?.b?.(c) ?? d; x ||= 1; y **= 2;',
  'export default async () => { await import("./x.js"); };',
  '',
].join('\n');

async function check(spec) {
  const [acorn, meriyah, oxc] = await Promise.all(spec.urls.map((u) => import(u)));
  const sources = [
    ['built-in non-ASCII snippet', NON_ASCII],
    ...spec.files.map((f) => [path.basename(f), fs.readFileSync(f, 'utf8')]),
  ];
  const report = [];
  for (const [name, src] of sources) {
    const ref = VARIANTS.acorn.parse(acorn, src);
    const others = {
      'meriyah (ranges, loc)': VARIANTS.meriyah.parse(meriyah, src),
      'oxc (parseSync default)': VARIANTS.oxc.parse(oxc, src),
      'oxc-raw': VARIANTS['oxc-raw'].parse(oxc, src),
      'oxc-raw+loc (loc computed in JS)': VARIANTS['oxc-raw+loc'].parse(oxc, src),
    };
    for (const [label, other] of Object.entries(others)) {
      const diffs = compare(ref[0], other[0], src);
      const cDiff = compareComments(ref[1], other[1]);
      report.push({ source: name, parser: label, offsets: offsetKind(ref[0], other[0], src), diffs, comments: cDiff });
    }
  }
  process.stdout.write('\n@@RESULT ' + JSON.stringify(report) + '\n');
}

function offsetKind(a, b, src) {
  // Compare every node's start against acorn's (UTF-16) and against the UTF-8 byte offset.
  const buf = Buffer.from(src, 'utf8');
  const hasNonAscii = buf.length !== src.length;
  let same = 0;
  let bytes = 0;
  let total = 0;
  const walk = (x, y) => {
    if (!x || !y || typeof x !== 'object' || typeof y !== 'object') return;
    if (Array.isArray(x)) {
      if (Array.isArray(y)) for (let i = 0; i < Math.min(x.length, y.length); i++) walk(x[i], y[i]);
      return;
    }
    if (typeof x.start === 'number' && typeof y.start === 'number' && typeof x.type === 'string') {
      total++;
      if (x.start === y.start && x.end === y.end) same++;
      if (Buffer.byteLength(src.slice(0, x.start)) === y.start) bytes++;
    }
    for (const k in x) if (k !== 'loc' && k in y) walk(x[k], y[k]);
  };
  walk(a, b);
  if (same === total)
    return hasNonAscii
      ? `UTF-16 (all ${total} node offsets equal acorn's; UTF-8 would differ)`
      : `equal to acorn's (${total} nodes; ASCII file)`;
  if (bytes === total) return `UTF-8 bytes (${total} nodes)`;
  return `mismatch: ${same}/${total} equal acorn's, ${bytes}/${total} equal UTF-8 bytes`;
}

function compareComments(a, b) {
  const out = [];
  if (a.length !== b.length) out.push(`count ${a.length} vs ${b.length}`);
  const n = Math.min(a.length, b.length);
  let offsets = 0;
  let values = 0;
  const typeNames = new Set();
  for (let i = 0; i < n; i++) {
    if (a[i].start !== b[i].start || a[i].end !== b[i].end) offsets++;
    if (a[i].value !== b[i].value) values++;
    if (a[i].type !== b[i].type) typeNames.add(`${a[i].type} vs ${b[i].type}`);
  }
  if (offsets) out.push(`${offsets}/${n} start/end differ`);
  if (values) out.push(`${values}/${n} values differ`);
  if (typeNames.size) out.push(`type names ${[...typeNames].join(', ')}`);
  const keysA = a[0] ? Object.keys(a[0]).join(',') : '';
  const keysB = b[0] ? Object.keys(b[0]).join(',') : '';
  if (keysA !== keysB) out.push(`keys {${keysA}} vs {${keysB}}`);
  if (out.length === 0) out.push(`identical (${n} comments: type, value, start, end)`);
  else if (!offsets && !values) out.unshift(`same ${n} start/end/value`);
  return out;
}

/** Structural diff of two ESTree trees; groups differences by kind. */
function compare(a, b, src) {
  const groups = new Map();
  const note = (key, type, example) => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { count: 0, types: new Set(), example }));
    g.count++;
    g.types.add(type);
  };
  const show = (v) => {
    try {
      return String(JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? `${x}n` : x))).slice(0, 50);
    } catch {
      return String(v).slice(0, 50);
    }
  };
  const walk = (x, y, key, type) => {
    if (x === y) return;
    if (x instanceof RegExp || typeof x === 'bigint') return; // values of regex / bigint literals
    if (x === null || y === null || typeof x !== 'object' || typeof y !== 'object') {
      note(`value of .${key}`, type, `${show(x)} vs ${show(y)}`);
      return;
    }
    if (Array.isArray(x)) {
      if (!Array.isArray(y) || x.length !== y.length)
        return note(`length of .${key}`, type, `${x.length} vs ${y?.length}`);
      for (let i = 0; i < x.length; i++) walk(x[i], y[i], key, type);
      return;
    }
    const t = typeof x.type === 'string' ? x.type : type;
    if (x.type !== y.type) return note(`node type ${x.type} vs ${y.type}`, t, src.slice(x.start, x.start + 40));
    for (const k of Object.keys(x)) if (!(k in y)) note(`.${k} only in acorn`, t, show(x[k]));
    for (const k of Object.keys(y)) if (!(k in x)) note(`.${k} only in other`, t, show(y[k]));
    for (const k of Object.keys(x)) if (k in y) walk(x[k], y[k], k, t);
  };
  walk(a, b, 'program', 'Program');
  return [...groups]
    .sort((p, q) => q[1].count - p[1].count)
    .map(([k, g]) => ({
      kind: k,
      count: g.count,
      types: [...g.types].slice(0, 6).join(',') + (g.types.size > 6 ? `,… (${g.types.size} types)` : ''),
      example: g.example,
    }));
}

// ---------------------------------------------------------------- parent

function median(xs) {
  const s = [...xs].sort((p, q) => p - q);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function parseArgs(argv) {
  const o = {
    from: '/tmp/parsers/node_modules',
    nodes: [],
    files: [],
    runs: 5,
    warmup: 3,
    iters: 5,
    only: null,
    check: true,
    json: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--from') o.from = path.resolve(next());
    else if (a === '--node') o.nodes.push(path.resolve(next()));
    else if (a === '--file') o.files.push(path.resolve(next()));
    else if (a === '--runs') o.runs = Number(next());
    else if (a === '--warmup') o.warmup = Number(next());
    else if (a === '--iters') o.iters = Number(next());
    else if (a === '--only') o.only = next().split(',');
    else if (a === '--no-check') o.check = false;
    else if (a === '--json') o.json = path.resolve(next());
    else if (a === '--help' || a === '-h') {
      console.log(fs.readFileSync(SELF, 'utf8').split('\nimport ')[0]);
      process.exit(0);
    } else throw new Error(`unknown option ${a} (see --help)`);
  }
  if (o.nodes.length === 0) {
    for (const v of ['node24', 'node26']) {
      const p = path.join(REPO, 'node_modules', v, 'bin', 'node');
      if (fs.existsSync(p)) o.nodes.push(p);
    }
    if (o.nodes.length === 0) o.nodes.push(process.execPath);
  }
  if (o.files.length === 0) {
    o.files.push(
      path.join(REPO, 'node_modules/typescript/lib/typescript.js'),
      path.join(REPO, 'node_modules/marked/lib/marked.esm.js'),
    );
  }
  if (o.only)
    for (const v of o.only)
      if (!VARIANTS[v]) throw new Error(`unknown variant ${v}; known: ${Object.keys(VARIANTS).join(' ')}`);
  return o;
}

/** Resolves a bare specifier as an ESM import from inside DIR (node's own resolver, via a resolve hook). */
async function makeResolver(dir) {
  const { registerHooks } = await import('node:module');
  if (typeof registerHooks !== 'function') throw new Error('needs a node with module.registerHooks (>= 22.15)');
  const parentURL = pathToFileURL(path.join(dir, '__resolve_base__.mjs')).href;
  registerHooks({
    resolve(specifier, context, nextResolve) {
      if (specifier.startsWith('bench-from-dir:'))
        return nextResolve(specifier.slice('bench-from-dir:'.length), { ...context, parentURL });
      return nextResolve(specifier, context);
    },
  });
  return (specifier) => {
    const url = import.meta.resolve('bench-from-dir:' + specifier);
    const file = fileURLToPath(url);
    if (!file.startsWith(dir + path.sep)) throw new Error(`${specifier} resolved outside ${dir}: ${file}`);
    return url;
  };
}

function packageRoot(dir, name) {
  return path.join(dir, ...name.split('/'));
}

function readPkg(dir, name) {
  try {
    return JSON.parse(fs.readFileSync(path.join(packageRoot(dir, name), 'package.json'), 'utf8'));
  } catch {
    return null;
  }
}

/** Bytes of a package and the dependencies of it that are installed in DIR. */
function packageSize(dir, name) {
  const seen = new Set();
  const parts = [];
  const visit = (n) => {
    if (seen.has(n)) return;
    const pkg = readPkg(dir, n);
    if (!pkg) return;
    seen.add(n);
    let apparent = 0;
    let disk = 0;
    const walk = (p) => {
      for (const e of fs.readdirSync(p, { withFileTypes: true })) {
        const q = path.join(p, e.name);
        if (e.isDirectory()) {
          if (e.name !== 'node_modules') walk(q);
        } else {
          const st = fs.statSync(q);
          apparent += st.size;
          disk += st.blocks * 512;
        }
      }
    };
    walk(packageRoot(dir, n));
    parts.push({ name: n, version: pkg.version, apparent, disk });
    for (const d of [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.optionalDependencies ?? {})]) visit(d);
  };
  visit(name);
  return parts;
}

function runChild(node, args) {
  const r = spawnSync(node, [SELF, ...args], { encoding: 'utf8', maxBuffer: 64 << 20, timeout: 600_000 });
  const line = (r.stdout ?? '').split('\n').find((l) => l.startsWith('@@RESULT '));
  if (r.status !== 0 || !line) {
    throw new Error(
      `child failed (${node} ${args[0]} status ${r.status} ${r.signal ?? ''}):\n${(r.stderr ?? '').slice(-2000)}`,
    );
  }
  return JSON.parse(line.slice('@@RESULT '.length));
}

function pad(s, n, left = false) {
  s = String(s);
  return left ? s.padEnd(n) : s.padStart(n);
}

function fmt(x, digits = 1) {
  if (x === undefined || Number.isNaN(x)) return '-';
  if (x >= 100) return x.toFixed(0);
  return x.toFixed(digits);
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const resolve = await makeResolver(o.from);
  const variants = o.only ?? Object.keys(VARIANTS);
  const pkgs = [...new Set(Object.values(VARIANTS).map((v) => v.pkg))];
  const urls = {};
  for (const p of pkgs) {
    try {
      urls[p] = resolve(p);
    } catch (e) {
      throw new Error(
        `cannot import ${p} from ${o.from}: ${e.message}\ninstall with: npm i --prefix ${path.dirname(o.from)} meriyah@7.4.2 oxc-parser@0.158.0 acorn@8.19.0`,
      );
    }
  }
  if (
    readPkg(o.from, 'oxc-parser') &&
    !fs
      .readdirSync(path.join(o.from, '@oxc-parser'), { withFileTypes: true })
      .some((e) => e.name.startsWith('binding-'))
  ) {
    console.warn('warning: no @oxc-parser/binding-* installed; oxc-parser will fail or fall back to wasm');
  }

  // Header: versions, files, package sizes.
  console.log(`# JavaScript parser benchmark (bench/parsers.mjs)`);
  console.log(`packages from ${o.from}`);
  const projectAcorn = readPkg(path.join(REPO, 'node_modules'), 'acorn')?.version;
  console.log(`\npackage sizes on disk (package + its installed dependencies; apparent bytes / disk usage):`);
  for (const p of pkgs) {
    const parts = packageSize(o.from, p);
    const a = parts.reduce((s, x) => s + x.apparent, 0);
    const d = parts.reduce((s, x) => s + x.disk, 0);
    console.log(
      `  ${pad(p + '@' + parts[0].version, 22, true)} ${pad((a / 1e6).toFixed(2), 6)} MB / ${pad((d / 1e6).toFixed(2), 6)} MB   ${parts.length > 1 ? parts.map((x) => `${x.name} ${(x.apparent / 1e6).toFixed(2)}`).join(' + ') : ''}`,
    );
  }
  if (projectAcorn && projectAcorn !== readPkg(o.from, 'acorn')?.version)
    console.log(`  note: the project's own acorn is ${projectAcorn}`);
  console.log(
    `\nnodes: ${o.nodes.map((n) => `${n} (${spawnSync(n, ['-v'], { encoding: 'utf8' }).stdout.trim()})`).join(', ')}`,
  );
  const sizes = {};
  for (const f of o.files) {
    sizes[f] = fs.statSync(f).size;
    console.log(`file: ${f} (${(sizes[f] / 1e6).toFixed(3)} MB)`);
  }
  console.log(
    `runs: ${o.runs} fresh processes per cell; warm = median of ${o.iters} parses after ${o.warmup} warm-ups\n`,
  );
  console.log('variants:');
  for (const v of variants) console.log(`  ${pad(v, 14, true)} ${VARIANTS[v].note}`);

  // Measurements, interleaved so that drift hits every variant alike.
  const results = {};
  const total = o.runs * o.nodes.length * o.files.length * variants.length;
  let done = 0;
  for (let r = 0; r < o.runs; r++) {
    for (const node of o.nodes) {
      for (const file of o.files) {
        for (const v of variants) {
          const spec = { variant: v, url: urls[VARIANTS[v].pkg], file, warmup: o.warmup, iters: o.iters };
          const res = runChild(node, ['--child', JSON.stringify(spec)]);
          ((results[node] ??= {})[file] ??= {})[v] ??= [];
          results[node][file][v].push(res);
          done++;
          process.stderr.write(
            `\r  ${done}/${total} ${path.basename(path.dirname(path.dirname(node)))} ${path.basename(file)} ${v}          `,
          );
        }
      }
    }
  }
  process.stderr.write('\n');

  // Tables.
  const summary = {};
  for (const node of o.nodes) {
    const version = spawnSync(node, ['-v'], { encoding: 'utf8' }).stdout.trim();
    for (const file of o.files) {
      const mb = sizes[file] / 1e6;
      console.log(
        `\n## Node ${version} — ${path.basename(file)} (${mb.toFixed(2)} MB), medians of ${o.runs} processes`,
      );
      const head = [
        'variant',
        'load ms',
        'load RSS MB',
        'first ms',
        'first MB/s',
        'warm ms',
        'warm MB/s',
        'peak RSS MB',
        'first vs acorn',
        'warm vs acorn',
      ];
      const widths = [14, 8, 11, 9, 10, 8, 9, 11, 14, 13];
      console.log(head.map((h, i) => pad(h, widths[i], i === 0)).join(' | '));
      console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
      const rows = {};
      for (const v of variants) {
        const rs = results[node][file][v];
        rows[v] = {
          loadMs: median(rs.map((x) => x.loadMs)),
          loadRssMb: median(rs.map((x) => x.loadRssMb)),
          firstMs: median(rs.map((x) => x.firstMs)),
          warmMs: median(rs.map((x) => x.warmMs)),
          peakRssMb: median(rs.map((x) => x.peakRssMb)),
          firstAll: rs.map((x) => x.firstMs),
          warmAll: rs.map((x) => x.warmMs),
          loadAll: rs.map((x) => x.loadMs),
          errors: rs[0].errorCount,
          firstError: rs[0].firstError,
        };
      }
      const base = rows.acorn;
      for (const v of variants) {
        const x = rows[v];
        const cells = [
          v + (x.errors ? ' (!)' : ''),
          fmt(x.loadMs),
          fmt(x.loadRssMb),
          fmt(x.firstMs),
          fmt(mb / (x.firstMs / 1000)),
          fmt(x.warmMs),
          fmt(mb / (x.warmMs / 1000)),
          fmt(x.peakRssMb, 0),
          base ? (base.firstMs / x.firstMs).toFixed(2) + 'x' : '-',
          base ? (base.warmMs / x.warmMs).toFixed(2) + 'x' : '-',
        ];
        console.log(cells.map((c, i) => pad(c, widths[i], i === 0)).join(' | '));
      }
      for (const v of variants)
        if (rows[v].errors) console.log(`  (!) ${v}: ${rows[v].errors} parse errors, first: ${rows[v].firstError}`);
      (summary[version] ??= {})[path.basename(file)] = rows;
    }
  }
  console.log('\nload = `await import(parser)` in a fresh process; load RSS = RSS growth during it;');
  console.log(
    'first = first parse in that process (includes lazily loaded parser code); peak RSS = process max RSS right after it;',
  );
  console.log('"x vs acorn" > 1 means faster than acorn with Kheiron\'s options.');

  // AST shape / offsets check.
  if (o.check) {
    const small = o.files.filter((f) => sizes[f] < 1e6);
    const rep = runChild(o.nodes[0], [
      '--check',
      JSON.stringify({ urls: [urls.acorn, urls.meriyah, urls['oxc-parser']], files: small }),
    ]);
    console.log(
      `\n## ESTree shape vs acorn (Kheiron options), on the built-in non-ASCII snippet${small.length ? ' and ' + small.map((f) => path.basename(f)).join(', ') : ''}`,
    );
    for (const r of rep) {
      console.log(`\n${r.parser} on ${r.source}: offsets ${r.offsets}`);
      if (r.diffs.length === 0) console.log('  no structural differences');
      for (const d of r.diffs)
        console.log(`  ${pad(d.count, 6)}  ${pad(d.kind, 30, true)} on ${d.types}   e.g. ${d.example}`);
      console.log(`  comments: ${r.comments.join('; ')}`);
    }
  }
  if (o.json) {
    fs.writeFileSync(o.json, JSON.stringify({ options: { ...o }, urls, summary }, null, 2));
    console.log(`\nraw numbers written to ${o.json}`);
  }
}

const mode = process.argv[2];
if (mode === '--child') await child(JSON.parse(process.argv[3]));
else if (mode === '--check') await check(JSON.parse(process.argv[3]));
else
  await main().catch((e) => {
    console.error(e.message);
    process.exit(1);
  });
