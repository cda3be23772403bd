// ts-check workload: type-check (and emit to memory) the fixture project under
// bench/fixtures/ts-project with the TypeScript compiler API, from
// node_modules/typescript. A prepared run prepares the compiler itself
// (KHEIRON_INCLUDE='**/node_modules/typescript/**').
'use strict';
const path = require('node:path');
const ts = require('typescript');

const projectDir = path.resolve(__dirname, '..', 'fixtures', 'ts-project');
const configPath = path.join(projectDir, 'tsconfig.json');

function fnv1a(hash, text) {
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 16777619) >>> 0;
  }
  return hash;
}

function loadConfig() {
  const read = ts.readConfigFile(configPath, ts.sys.readFile);
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, projectDir);
  if (parsed.errors.length > 0) throw new Error(ts.flattenDiagnosticMessageText(parsed.errors[0].messageText, '\n'));
  return parsed;
}

function run() {
  const config = loadConfig();
  const options = { ...config.options, noEmit: false, declaration: true, sourceMap: true, outDir: '/virtual-out' };
  const host = ts.createCompilerHost(options, true);
  const program = ts.createProgram({ rootNames: config.fileNames, options, host });
  const diagnostics = ts.getPreEmitDiagnostics(program);
  let checksum = 2166136261;
  for (const d of diagnostics) {
    const where = d.file ? `${path.basename(d.file.fileName)}:${d.start}` : '';
    checksum = fnv1a(checksum, `${d.code}@${where}:${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
  }
  const emitted = new Map();
  program.emit(undefined, (fileName, text) => emitted.set(path.basename(fileName), text));
  for (const name of [...emitted.keys()].sort()) checksum = fnv1a(checksum, name + emitted.get(name));
  const checker = program.getTypeChecker();
  checksum = fnv1a(checksum, String(checker.getTypeCount()) + ':' + String(checker.getIdentifierCount()));
  return { checksum, diagnostics: diagnostics.length, emitted: emitted.size };
}

module.exports = { run: () => run().checksum, details: run };
