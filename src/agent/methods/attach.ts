import { constants, readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { AuditError, RuleError, type RepairEngine, type RuleSet, type Selector } from '../../engine/index.js';
import { compileRuleSelector } from '../../engine/validate.js';
import { PrepareError, parse } from '../../transform/parse.js';
import type { AgentOptions } from '../agent.js';
import type { Unreached } from '../../live-edit/index.js';
import { ERRORS, LIMITS, RpcError } from '../protocol.js';
import { rulesModuleUrl } from '../rules-modules.js';
import { method, optionalString, requiredString } from './method.js';

let imports = 0;

/** Imports a rules module and attaches its rules, all or nothing. */
export const attach = method({
  params: (params) => ({ file: requiredString(params, 'file'), displayName: optionalString(params, 'displayName') }),
  run: async ({ file, displayName }, { engine, options }) => {
    const shown = (text: string): string => (displayName ? text.split(file).join(displayName) : text);
    await checkRulesFile(file, displayName ?? file);
    // Hooks the module attaches while it is imported belong to its set, and go if it is refused.
    const imported = engine.importing();
    let module: { default?: unknown };
    try {
      // A query makes a re-attach of an edited file load it afresh.
      module = (await import(rulesModuleUrl(`${pathToFileURL(file).href}?kheiron=${++imports}`))) as {
        default?: unknown;
      };
    } catch (error) {
      imported.undo();
      throw new RpcError(ERRORS.rules, shown(describeLoadError(error, file)));
    }
    const set = module.default;
    if (!set || typeof set !== 'object') {
      imported.undo();
      throw new RpcError(ERRORS.rules, `${displayName ?? file}: the default export must be defineRules(...)`);
    }
    try {
      return attached(engine.attach(set as never, { file, imported }), set as RuleSet, options);
    } catch (error) {
      if (error instanceof RuleError || error instanceof TypeError || error instanceof AuditError)
        throw new RpcError(ERRORS.rules, shown(error.message));
      // The rules module's own code threw (a getter, a Proxy): the rules are refused, and say where.
      throw new RpcError(ERRORS.rules, shown(`${file}: the rules could not be read: ${describeThrown(error)}`));
    }
  },
});

/** The reply to an attach: each rule, the functions it reached, and those it would have, had they been attachable. */
function attached(rules: ReturnType<RepairEngine['attach']>, set: RuleSet, options: AgentOptions) {
  const unreachable = options.unreachable?.() ?? [];
  const targets = new Map(set.rules.map((r) => [r.id, r.target]));
  return {
    unprepared: options.unprepared === true,
    rules: rules.map((r) => ({
      id: r.id,
      set: r.set,
      functions: r.functions.map((f) => ({ name: f.name, module: f.module, prepared: f.prepared })),
      unreachable: [
        ...matching(unreachable, targets.get(r.id)!),
        ...r.unreached.map(({ entry, reason }) => ({
          module: entry.module,
          name: entry.name,
          line: entry.line,
          column: entry.column,
          reason,
        })),
      ],
    })),
  };
}

/** The functions a rule's target would have matched, had they been attachable. */
function matching(unreachable: Unreached[], target: Selector): Omit<Unreached, 'kind' | 'async' | 'generator'>[] {
  const matches = compileRuleSelector(target, (problem) => {
    throw new Error(problem);
  });
  return unreachable
    .filter(
      (u) =>
        u.name === '*' ||
        matches({ ...u, id: '', static: false, safe: false, reinvocable: false, params: 0, prepared: 'in-place' }),
    )
    .map(({ module, name, line, column, reason }) => ({ module, name, line, column, reason }));
}

/**
 * A rules module must be a regular file of a bounded size: a FIFO would block the
 * application's reads, a device such as /dev/zero would fill its memory. Opened without
 * blocking, and the open file itself is looked at.
 */
async function checkRulesFile(file: string, shown: string): Promise<void> {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const problem =
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new RpcError(ERRORS.rules, `${shown}: ${problem}`);
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) {
      const what = stat.isFIFO()
        ? 'a FIFO'
        : stat.isCharacterDevice() || stat.isBlockDevice()
          ? 'a device'
          : stat.isDirectory()
            ? 'a directory'
            : stat.isSocket()
              ? 'a socket'
              : 'not a file';
      throw new RpcError(ERRORS.rules, `${shown}: not a regular file (${what}); a rules module must be a regular file`);
    }
    if (stat.size > LIMITS.rulesFile) {
      throw new RpcError(
        ERRORS.rules,
        `${shown}: ${mib(stat.size)} MiB, larger than the ${mib(LIMITS.rulesFile)} MiB a rules module may have`,
      );
    }
  } finally {
    await handle.close();
  }
}

function mib(bytes: number): string {
  return (bytes / 1048576).toFixed(bytes % 1048576 === 0 ? 0 : 1);
}

/** What a rules module's code threw, as text, whatever it is (a Proxy, an object whose getters throw). */
function describeThrown(error: unknown): string {
  try {
    if (error instanceof Error) return `${error.name}: ${error.message}`;
    return String(error);
  } catch {
    return 'a value that cannot be shown';
  }
}

/** A syntax or load error of a rules module: file, line and problem. */
function describeLoadError(error: unknown, file: string): string {
  const e = error as Error;
  const at = new RegExp(`${escape(file)}[^:]*:(\\d+)`).exec(String(e.stack));
  if (!at && e instanceof SyntaxError) {
    // V8 keeps the position of a module's syntax error out of the stack: parse to find it.
    try {
      parse(readFileSync(file, 'utf8'), file, 'module');
    } catch (parsed) {
      if (parsed instanceof PrepareError) return `${file}:${parsed.line}:${parsed.column}: SyntaxError: ${e.message}`;
    }
  }
  return `${file}${at ? `:${at[1]}` : ''}: ${e.name}: ${e.message}`;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
