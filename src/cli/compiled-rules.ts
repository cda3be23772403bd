/**
 * Where `kheiron attach` writes a TypeScript rules module once its types are stripped, for
 * the agent to import: a directory the user creates for it beside the rules file (mkdtemp:
 * a new name, mode 0700, checked with lstat after it was made), and in it a file created
 * with O_EXCL|O_NOFOLLOW, mode 0600. No name that another user could have planted (a link,
 * a file) is ever opened, and nothing is written in a directory that others can write to or
 * replace, unless it is sticky (like /tmp), where they cannot touch what is ours.
 *
 * The module sits one directory below the original, so its relative imports, and
 * `import.meta.url`, `filename` and `dirname`, are rewritten to name the original's place;
 * package imports resolve as they would from the original (node_modules above it).
 */
import { closeSync, constants, mkdtempSync, openSync, realpathSync, rmdirSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Parser, type Node } from 'acorn';
import { dirProblem, sharedDirProblem } from '../agent/paths.js';

export interface CompiledRules {
  /** The file the agent imports. */
  readonly path: string;
  remove(): void;
}

/** Writes `code`, the stripped text of the rules module `file`, where only this user can reach it. */
export function writeCompiledRules(file: string, code: string): CompiledRules {
  const beside = dirname(file);
  const shared = sharedDirProblem(beside);
  if (shared !== undefined) {
    throw new Error(
      `${file}: the stripped module would be written where another user could replace it ` +
        `(${shared}); move the rules to a directory only you can write to, or attach them as JavaScript`,
    );
  }
  const dir = mkdtempSync(join(realpathSync(beside), '.kheiron-'));
  const removeDir = (): void => {
    try {
      rmdirSync(dir);
    } catch {
      // not empty or gone: left for the user to see
    }
  };
  const made = dirProblem(dir, 0o077);
  if (made !== undefined) {
    removeDir();
    throw new Error(`${file}: the directory made for the stripped module is not private: ${made}`);
  }
  const path = join(dir, `${basename(file, extname(file))}.mjs`);
  try {
    const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
    try {
      writeSync(fd, relocate(code, file));
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    removeDir();
    throw error;
  }
  return {
    path,
    remove() {
      try {
        unlinkSync(path);
      } catch {
        // gone already
      }
      removeDir();
    },
  };
}

/** The module's text with what names its own place made to name the original's. Lines stay. */
function relocate(code: string, file: string): string {
  let ast: Node;
  try {
    ast = Parser.parse(code, { ecmaVersion: 'latest', sourceType: 'module', allowHashBang: true });
  } catch {
    return code; // the agent's import reports the syntax error, with its line
  }
  const url = pathToFileURL(file).href;
  const edits: { start: number; end: number; text: string }[] = [];
  const relative = (source: unknown): void => {
    const s = source as { type?: string; value?: unknown; start: number; end: number } | null | undefined;
    if (s?.type === 'Literal' && typeof s.value === 'string' && /^\.\.?\//.test(s.value))
      edits.push({ start: s.start, end: s.end, text: JSON.stringify(new URL(s.value, url).href) });
  };
  const meta: Record<string, string> = { url, filename: file, dirname: dirname(file) };
  visit(ast, (node) => {
    const n = node as Node & Record<string, any>;
    if (
      n.type === 'ImportDeclaration' ||
      n.type === 'ExportAllDeclaration' ||
      n.type === 'ExportNamedDeclaration' ||
      n.type === 'ImportExpression'
    )
      relative(n.source);
    else if (
      n.type === 'MemberExpression' &&
      n.object.type === 'MetaProperty' &&
      n.object.meta.name === 'import' &&
      !n.computed &&
      n.property.type === 'Identifier' &&
      n.property.name in meta
    ) {
      edits.push({ start: n.start, end: n.end, text: JSON.stringify(meta[n.property.name]) });
    }
  });
  edits.sort((a, b) => b.start - a.start);
  let out = code;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

function visit(node: unknown, f: (node: Node) => void): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const child of node) visit(child, f);
    return;
  }
  if (typeof (node as Node).type !== 'string') return;
  f(node as Node);
  for (const key of Object.keys(node))
    if (key !== 'type' && key !== 'start' && key !== 'end') visit((node as Record<string, unknown>)[key], f);
}

/**
 * The rules module `source` as JavaScript, with every line where it was: Node strips the types, or else TypeScript
 * does.
 */
export async function stripTypes(source: string, file: string): Promise<string> {
  const module = (await import('node:module')) as { stripTypeScriptTypes?: (code: string, options?: object) => string };
  if (typeof module.stripTypeScriptTypes === 'function') {
    try {
      return module.stripTypeScriptTypes(source, { mode: 'strip' });
    } catch (error) {
      throw new Error(`${file}: ${(error as Error).message}`);
    }
  }
  let ts: typeof import('typescript');
  try {
    ts = (await import('typescript')).default;
  } catch {
    throw new Error(
      `${file}: TypeScript rules need Node >= 22.13 (module.stripTypeScriptTypes) or the typescript package`,
    );
  }
  const out = ts.transpileModule(source, {
    fileName: file,
    reportDiagnostics: true,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  const problem = out.diagnostics?.find((d) => d.category === ts.DiagnosticCategory.Error);
  if (problem) {
    const { line } = problem.file!.getLineAndCharacterOfPosition(problem.start ?? 0);
    throw new Error(`${file}:${line + 1}: ${ts.flattenDiagnosticMessageText(problem.messageText, ' ')}`);
  }
  return out.outputText;
}
