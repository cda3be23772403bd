import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { constants, readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { AUDIT_CHANNEL, AuditError, RepairEngine, RuleError, inject, type RuleSet, type Selector } from '../engine/index.js';
import { compileSelector } from '../engine/validate.js';
import { attach, functions, type CallContext } from '../runtime/internal.js';
import { InstrumentParseError, parse } from '../transform/parse.js';
import type { AgentOptions } from './agent.js';
import type { Unreached } from './live-edit.js';
import { render } from './render.js';
import { rulesModuleUrl } from './rules-modules.js';
import { ERRORS, LIMITS, RpcError } from './protocol.js';

/** The client a request came from: where notifications go, and what to undo when it leaves. */
export interface Client {
  notify(method: string, params: unknown): void;
  closers: (() => void)[];
}

let imports = 0;

/**
 * The agent's requests after \`hello\`: loaded with the first of them, so that a process
 * that is never asked anything does not load the repair engine or the parser.
 */
export class Requests {
  private readonly engine: RepairEngine;

  constructor(private readonly options: AgentOptions) {
    this.engine = (options.engine as RepairEngine | undefined) ?? new RepairEngine();
  }

  async handle(session: Client, method: string, params: Record<string, unknown>): Promise<unknown> {
    const { engine, options } = this;
    const notify = (name: string, value: unknown): void => session.notify(name, value);
    const attachFile = async (file: string, displayName?: string): Promise<unknown> => {
      const shown = (text: string): string => (displayName ? text.split(file).join(displayName) : text);
      await checkRulesFile(file, displayName ?? file);
      let module: { default?: unknown };
      // Hooks the module attaches while it is imported belong to its set, and go if it is refused.
      const imported = engine.importing();
      try {
        // A query makes a re-attach of an edited file load it afresh.
        module = (await import(rulesModuleUrl(`${pathToFileURL(file).href}?kheiron=${++imports}`))) as { default?: unknown };
      } catch (error) {
        imported.undo();
        throw new RpcError(ERRORS.rules, shown(describeLoadError(error, file)));
      }
      const set = module.default;
      if (!set || typeof set !== 'object') imported.undo();
      if (!set || typeof set !== 'object') throw new RpcError(ERRORS.rules, `${displayName ?? file}: the default export must be defineRules(...)`);
      try {
        const rules = engine.attach(set as never, { file, imported });
        const unreachable = options.unreachable?.() ?? [];
        const targets = new Map((set as RuleSet).rules.map((r) => [r.id, r.target]));
        return {
          unprepared: options.unprepared === true,
          rules: rules.map((r) => ({
            id: r.id,
            set: r.set,
            functions: r.functions.map((f) => ({ name: f.name, module: f.module, prepared: f.prepared })),
            unreachable: [
              ...matching(unreachable, targets.get(r.id)!),
              ...r.unreached.map(({ entry, reason }) => ({ module: entry.module, name: entry.name, line: entry.line, column: entry.column, reason })),
            ],
          })),
        };
      } catch (error) {
        if (error instanceof RuleError || error instanceof TypeError || error instanceof AuditError) throw new RpcError(ERRORS.rules, shown(error.message));
        // The rules module's own code threw (a getter, a Proxy): the rules are refused, and say where.
        throw new RpcError(ERRORS.rules, shown(`${file}: the rules could not be read: ${describeThrown(error)}`));
      }
    };
  
    const watch = (target: string, rate: number, depth: number): unknown => {
      const show = (value: unknown): string => render(value, { depth });
      if (!(rate > 0)) throw new RpcError(ERRORS.invalidParams, "'rate' must be a positive number of events per second");
      let windowStart = Date.now();
      let sent = 0;
      let dropped = 0;
      const emit = (ctx: CallContext, outcome: Record<string, unknown>): void => {
        const now = Date.now();
        if (now - windowStart >= 1000) {
          if (dropped > 0) notify('watch', { dropped });
          windowStart = now;
          sent = 0;
          dropped = 0;
        }
        if (sent >= rate) {
          dropped++;
          return;
        }
        sent++;
        notify('watch', { function: ctx.entry.name, module: ctx.entry.module, args: ctx.args.map(show), durationMs: Number((performance.now() - (ctx.state.t0 as number)).toFixed(3)), ...outcome });
      };
      let handle;
      try {
        handle = attach({
          target,
          before: (ctx) => void (ctx.state.t0 = performance.now()),
          after: (ctx) => emit(ctx, { result: show(ctx.result) }),
          onThrow: (ctx) => emit(ctx, { error: show(ctx.error) }),
        });
      } catch (error) {
        throw new RpcError(ERRORS.invalidParams, `'target': ${(error as Error).message.replace(/^kheiron: /, '')}`);
      }
      session.closers.push(() => handle.detach());
      return { functions: handle.functions.map((f) => f.name) };
    };

    switch (method) {
      case 'status':
        return {
          pid: process.pid,
          argv: process.argv,
          node: process.version,
          uptimeS: Math.round(process.uptime()),
          functions: functions().length,
          memory: process.memoryUsage(),
          rules: engine.rules().map((r) => ({ id: r.id, set: r.set, functions: r.functions.map((f) => f.name), calls: r.calls, failures: r.failures })),
          counters: engine.counters(),
        };
      case 'functions': {
        const pattern = optionalString(params, 'pattern');
        try {
          return functions(pattern ?? '**');
        } catch (error) {
          if (error instanceof TypeError) throw new RpcError(ERRORS.invalidParams, `'pattern': ${error.message.replace(/^kheiron: /, '')}`);
          throw error;
        }
      }
      case 'attach':
        return attachFile(requiredString(params, 'file'), optionalString(params, 'displayName'));
      case 'detach': {
        const ids = params.ids;
        optionalBoolean(params, 'all');
        if (params.all === true) return { detached: engine.detach() };
        if (!Array.isArray(ids) || ids.length === 0 || !ids.every((x) => typeof x === 'string')) throw new RpcError(ERRORS.invalidParams, "detach needs 'ids' (rule ids) or 'all': true");
        try {
          return { detached: engine.detach(...(ids as string[])) };
        } catch (error) {
          throw new RpcError(ERRORS.notFound, (error as Error).message.replace(/^kheiron: /, ''));
        }
      }
      case 'audit': {
        const events = engine.events();
        if (optionalBoolean(params, 'follow') === true) {
          const listener = (event: unknown): void => notify('audit', event);
          subscribe(AUDIT_CHANNEL, listener);
          session.closers.push(() => unsubscribe(AUDIT_CHANNEL, listener));
        }
        return { events };
      }
      case 'watch':
        if (params.rate !== undefined && typeof params.rate !== 'number') throw new RpcError(ERRORS.invalidParams, `'rate' must be a positive number of events per second, got ${typeof params.rate}`);
        if (params.depth !== undefined && !(Number.isInteger(params.depth) && (params.depth as number) >= 0 && (params.depth as number) <= 4)) {
          throw new RpcError(ERRORS.invalidParams, `'depth' must be an integer from 0 to 4, got ${JSON.stringify(params.depth)}`);
        }
        return watch(requiredString(params, 'target'), typeof params.rate === 'number' ? params.rate : 20, (params.depth as number | undefined) ?? 1);
      case 'inject': {
        const target = requiredString(params, 'target');
        const message = requiredString(params, 'throw');
        const times = params.times === undefined ? undefined : Number(params.times);
        if (times !== undefined && !(Number.isInteger(times) && times > 0)) throw new RpcError(ERRORS.invalidParams, "'times' must be a positive integer");
        const ruleId = `inject:${target}:${Date.now()}`;
        try {
          const [rule] = engine.attach({ name: 'cli-inject', rules: [inject(target, { id: ruleId, throw: message, times })] });
          return { id: rule!.id, functions: rule!.functions.map((f) => f.name) };
        } catch (error) {
          throw new RpcError(ERRORS.rules, (error as Error).message);
        }
      }
      default:
        throw new RpcError(ERRORS.methodNotFound, `no method '${method}' (known: hello, status, functions, attach, detach, audit, watch, inject)`);
    }
  }
}

/** The functions a rule's target would have matched, had they been attachable. */
function matching(unreachable: Unreached[], target: Selector): Omit<Unreached, 'kind' | 'async' | 'generator'>[] {
  const matches = compileSelector(target, (problem) => {
    throw new Error(problem);
  });
  return unreachable
    .filter((u) => u.name === '*' || matches({ ...u, id: '', static: false, safe: false, reinvocable: false, params: 0, prepared: 'in-place' }))
    .map(({ module, name, line, column, reason }) => ({ module, name, line, column, reason }));
}


function optionalBoolean(params: Record<string, unknown>, name: string): boolean | undefined {
  const value = params[name];
  if (value !== undefined && typeof value !== 'boolean') throw new RpcError(ERRORS.invalidParams, `'${name}' must be true or false, got ${value === null ? 'null' : typeof value}`);
  return value as boolean | undefined;
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
    throw new RpcError(ERRORS.rules, `${shown}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message}`);
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new RpcError(ERRORS.rules, `${shown}: not a regular file (${stat.isFIFO() ? 'a FIFO' : stat.isCharacterDevice() || stat.isBlockDevice() ? 'a device' : stat.isDirectory() ? 'a directory' : stat.isSocket() ? 'a socket' : 'not a file'}); a rules module must be a regular file`);
    if (stat.size > LIMITS.rulesFile) throw new RpcError(ERRORS.rules, `${shown}: ${mib(stat.size)} MiB, larger than the ${mib(LIMITS.rulesFile)} MiB a rules module may have`);
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

function requiredString(params: Record<string, unknown>, name: string): string {
  const value = params[name];
  if (typeof value !== 'string' || value === '') throw new RpcError(ERRORS.invalidParams, `'${name}' must be a non-empty string`);
  return value;
}

function optionalString(params: Record<string, unknown>, name: string): string | undefined {
  return params[name] === undefined ? undefined : requiredString(params, name);
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
      if (parsed instanceof InstrumentParseError) return `${file}:${parsed.line}:${parsed.column}: SyntaxError: ${e.message}`;
    }
  }
  return `${file}${at ? `:${at[1]}` : ''}: ${e.name}: ${e.message}`;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
