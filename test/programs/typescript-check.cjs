'use strict';
// Type-checks and emits the fixture project in fixtures/ts-project with the
// TypeScript compiler API (node_modules/typescript/lib/typescript.js).
// Fixture sources are stored as *.ts.txt so the repository's own tsc build
// ignores them; the compiler host serves them under virtual *.ts names.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const fixtureDir = path.join(__dirname, 'fixtures', 'ts-project');
const virtualRoot = '/ts-project/';

const sources = new Map();
for (const entry of fs.readdirSync(fixtureDir).sort()) {
  if (entry.endsWith('.ts.txt')) {
    sources.set(virtualRoot + entry.slice(0, -'.txt'.length), fs.readFileSync(path.join(fixtureDir, entry), 'utf8'));
  }
}

const sha256 = (text) => crypto.createHash('sha256').update(text).digest('hex');

function createHost(options, outputs) {
  const host = ts.createCompilerHost(options, true);
  const libSourceFiles = new Map();
  const readFile = (fileName) => (sources.has(fileName) ? sources.get(fileName) : ts.sys.readFile(fileName));
  return {
    ...host,
    getCurrentDirectory: () => virtualRoot,
    fileExists: (fileName) => sources.has(fileName) || ts.sys.fileExists(fileName),
    readFile,
    directoryExists: (dir) =>
      virtualRoot.startsWith(dir.endsWith('/') ? dir : dir + '/') || ts.sys.directoryExists(dir),
    realpath: (p) => p,
    getSourceFile(fileName, languageVersion) {
      if (!sources.has(fileName)) {
        const key = `${fileName}:${JSON.stringify(languageVersion)}`;
        if (!libSourceFiles.has(key)) libSourceFiles.set(key, host.getSourceFile(fileName, languageVersion));
        return libSourceFiles.get(key);
      }
      return ts.createSourceFile(fileName, sources.get(fileName), languageVersion, true);
    },
    writeFile(fileName, text) {
      outputs.set(fileName, text);
    },
  };
}

function describeDiagnostic(d) {
  const message = ts.flattenDiagnosticMessageText(d.messageText, ' | ');
  if (!d.file || d.start === undefined) return { file: '<global>', line: 0, column: 0, code: d.code, message };
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
  return { file: path.posix.basename(d.file.fileName), line: line + 1, column: character + 1, code: d.code, message };
}

function compareDiagnostics(a, b) {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    a.code - b.code ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

function build(label, options) {
  const outputs = new Map();
  const program = ts.createProgram({
    rootNames: [...sources.keys()],
    options: { ...options, types: [], noEmitOnError: false, newLine: ts.NewLineKind.LineFeed },
    host: createHost(options, outputs),
  });
  const emitResult = program.emit();
  const diagnostics = ts
    .getPreEmitDiagnostics(program)
    .concat(emitResult.diagnostics)
    .map(describeDiagnostic)
    .sort(compareDiagnostics);

  console.log(`== ${label}: ${program.getSourceFiles().length} source files, ${diagnostics.length} diagnostics`);
  for (const d of diagnostics) console.log(`${d.file}:${d.line}:${d.column} TS${d.code} ${d.message}`);
  console.log(`== ${label}: ${outputs.size} emitted files`);
  for (const name of [...outputs.keys()].sort()) {
    const text = outputs.get(name);
    console.log(`-- ${name.replace(virtualRoot, '')} ${text.length} ${sha256(text)}`);
    for (const line of text.split('\n').slice(0, 3)) console.log(`   ${line}`);
  }
}

console.log(`typescript ${ts.version}, ${sources.size} fixture files`);
build('es2022-esm', {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2022.d.ts'],
  strict: true,
  declaration: true,
  outDir: '/out/esm',
});
build('es2015-cjs', {
  target: ts.ScriptTarget.ES2015,
  module: ts.ModuleKind.CommonJS,
  moduleResolution: ts.ModuleResolutionKind.Node10,
  lib: ['lib.es2022.d.ts'],
  strict: true,
  downlevelIteration: true,
  outDir: '/out/cjs',
});
