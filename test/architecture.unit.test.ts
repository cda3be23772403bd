import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/*
 * The imports of src/ follow DESIGN.md's arrows ("Parts and data flow"):
 *
 *   cli -> agent -> engine -> runtime <- transform
 *
 * A part is a folder of src/ (or a file at its top). The transform and the runtime meet only in
 * the names of the interface (emitted.ts); every part outside the runtime reaches it through
 * its entries; what a part may import is the table below, and nothing else.
 */

const SRC = fileURLToPath(new URL('../../src', import.meta.url));

/** Which other parts each part may import. */
const MAY_IMPORT: Readonly<Record<string, readonly string[]>> = {
  // The interface between prepared code and the runtime, and the KHEIRON_* variables: leaves.
  'emitted.ts': [],
  config: [],
  transform: ['emitted.ts'],
  runtime: ['emitted.ts'],
  engine: ['runtime', 'otel', 'config'],
  // The OpenTelemetry bridge of the engine's audit trail: it reads the audit events' types.
  otel: ['engine', 'config'],
  'live-edit': ['transform', 'runtime', 'emitted.ts'],
  agent: ['engine', 'runtime', 'live-edit', 'emitted.ts', 'config'],
  // register.ts puts the process together: runtime, hooks, LiveEdit and the agent.
  loader: ['transform', 'runtime', 'live-edit', 'agent', 'emitted.ts', 'config'],
  // `kheiron console` starts the console, which talks to agents with the CLI's client.
  cli: ['agent', 'console', 'config'],
  console: ['cli', 'agent'],
  // The package's entry: the engine and the runtime's public names.
  'index.ts': ['engine', 'runtime'],
};

/** The runtime as other parts see it: its public entry, and the internal one for the agent and the loader. */
const RUNTIME_ENTRIES = ['runtime/index.ts', 'runtime/internal.ts'];

/**
 * Imports that break the rule today, each with why it is still there. One that no longer
 * occurs fails the test too, so the list only shrinks.
 */
const KNOWN: Readonly<Record<string, string>> = {
  'runtime/registry.ts -> transform/edits.ts': "the at-attach editor's insertions, which toString maps back through",
  'runtime/source-text.ts -> transform/index.ts': "toString maps a prepared function's text back with the transform",
  'agent/methods/attach.ts -> transform/parse.ts': "it parses a rules module to find its syntax error's position",
};

function sourceFiles(): string[] {
  return readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .map((file) => join(SRC, file));
}

/** Every module a file names: import and export declarations, import(), require() and import types. */
function specifiers(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (ts.isStringLiteral(node.moduleSpecifier)) found.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node)) {
      const [first] = node.arguments;
      const named = node.expression.kind === ts.SyntaxKind.ImportKeyword || node.expression.getText() === 'require';
      if (named && first && ts.isStringLiteralLike(first)) found.push(first.text);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      const literal = node.argument.literal;
      if (ts.isStringLiteral(literal)) found.push(literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** `runtime/index.ts`, from an absolute path of src/. */
const fromSrc = (path: string): string => relative(SRC, path).split(sep).join('/');
const partOf = (path: string): string => path.split('/')[0] ?? path;

/** Each import of one part by another, as 'from -> to' (paths relative to src/). */
function crossingImports(): string[] {
  const edges = new Set<string>();
  for (const file of sourceFiles()) {
    for (const specifier of specifiers(file)) {
      if (!specifier.startsWith('.')) continue;
      const from = fromSrc(file);
      const to = fromSrc(resolve(dirname(file), specifier)).replace(/\.js$/, '.ts');
      if (partOf(from) !== partOf(to)) edges.add(`${from} -> ${to}`);
    }
  }
  return [...edges].sort();
}

function breaksRule(edge: string): string | undefined {
  const [from = '', to = ''] = edge.split(' -> ');
  const allowed = MAY_IMPORT[partOf(from)];
  if (!allowed) return `${partOf(from)} is not a part of the table in test/architecture.unit.test.ts`;
  if (!allowed.includes(partOf(to))) return `${partOf(from)} may not import ${partOf(to)}`;
  if (partOf(to) === 'runtime' && !RUNTIME_ENTRIES.includes(to)) return `past the runtime's entries`;
  return undefined;
}

describe('the dependency rule of DESIGN.md', () => {
  const edges = crossingImports();

  it('finds the imports between parts', () => {
    assert.ok(edges.includes('engine/engine.ts -> runtime/internal.ts'), edges.join('\n'));
    assert.ok(edges.includes('transform/index.ts -> emitted.ts'), edges.join('\n'));
  });

  it('holds every import between parts to the table', () => {
    const broken = edges
      .filter((edge) => !(edge in KNOWN))
      .flatMap((edge) => {
        const why = breaksRule(edge);
        return why ? [`${edge}: ${why}`] : [];
      });
    assert.deepEqual(broken, []);
  });

  it('keeps the list of known exceptions to those that still occur and still break the rule', () => {
    const stale = Object.keys(KNOWN).filter((edge) => !edges.includes(edge) || !breaksRule(edge));
    assert.deepEqual(stale, [], 'remove these from KNOWN in test/architecture.unit.test.ts');
  });

  it('keeps packages out of the runtime, and the transform pure (no files, no processes)', () => {
    const bare = (part: string): string[] =>
      sourceFiles()
        .filter((file) => partOf(fromSrc(file)) === part)
        .flatMap((file) =>
          specifiers(file)
            .filter((s) => !s.startsWith('.'))
            .map((s) => `${fromSrc(file)}: ${s}`),
        );
    // Prepared code calls the runtime in any realm; what it needs of Node is a builtin.
    assert.deepEqual(
      bare('runtime').filter((line) => !/: node:/.test(line)),
      [],
    );
    const impure = /: node:(fs|child_process|net|http|worker_threads|inspector)/;
    assert.deepEqual(
      bare('transform').filter((line) => impure.test(line)),
      [],
    );
  });
});

/** Functions of src/ longer than `limit` lines (a function's lines from its start to its end). */
function longFunctions(limit: number): string[] {
  const long: string[] = [];
  for (const file of sourceFiles()) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node) && 'body' in node && node.body) {
        const first = source.getLineAndCharacterOfPosition(node.getStart()).line;
        const lines = source.getLineAndCharacterOfPosition(node.end).line - first + 1;
        if (lines > limit) long.push(`${relative(SRC, file)}:${first + 1} (${lines} lines)`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return long;
}

describe('the size of functions', () => {
  it('keeps every function of src/ to 60 lines at most', () => {
    assert.deepEqual(longFunctions(60), []);
  });
});
