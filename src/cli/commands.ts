import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { socketDir } from '../agent/paths.js';
import { writeCompiledRules, type CompiledRules } from './compiled-rules.js';
import { AgentClient, NotRespondingError, processExists, UnreachableError, UntrustedError } from './client.js';
import { loadAgentOverInspector, requireInspectorOptIn } from './inspector.js';
import { listAgents, removeStale } from './locate.js';
import { printable, printableJson } from './printable.js';
import { UsageError } from './usage.js';

/** One line of output; what came from the agent in it is escaped (printable.ts). */
const print = (line: string): void => void process.stdout.write(`${printable(line)}\n`);
const printJson = (value: unknown): void => void process.stdout.write(`${printableJson(JSON.stringify(value))}\n`);

type Options = Record<string, { type: 'boolean' | 'string' }>;

function args<O extends Options>(argv: string[], options: O, command: string) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${command}: ${(error as Error).message}`);
  }
}

function pidOf(text: string | undefined, command: string): number {
  const pid = Number(text);
  if (!text || !Number.isInteger(pid) || pid <= 0) throw new UsageError(`${command}: expected a process id, got ${text === undefined ? 'nothing' : `'${text}'`}`);
  return pid;
}

/** How long `ps` waits for each process. */
const PS_TIMEOUT_MS = 2000;

async function withAgent<T>(pid: number, f: (client: AgentClient) => Promise<T>, timeoutMs?: number): Promise<T> {
  const client = await AgentClient.open(pid, timeoutMs);
  try {
    return await f(client);
  } finally {
    client.close();
  }
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  '));
}

/**
 * `kheiron ps`: this user's processes with a Kheiron agent. A directory of another user's
 * where agents would be is named on stderr, and makes the exit code 1.
 */
export async function ps(argv: string[]): Promise<number> {
  const { values } = args(argv, { json: { type: 'boolean' } }, 'ps');
  const { agents, refused } = listAgents();
  const found: { pid: number; responding: boolean; command?: string; uptimeS?: number; functions?: number; rules?: number }[] = [];
  // Asked all at once, each with a short deadline: one blocked process does not hold up the list.
  await Promise.all(
    agents.map(async (agent) => {
      const { pid } = agent;
      try {
        const status = await withAgent(pid, (c) => c.call('status', {}, PS_TIMEOUT_MS), PS_TIMEOUT_MS);
        found.push({ pid, responding: true, command: status.argv.join(' '), uptimeS: status.uptimeS, functions: status.functions, rules: status.rules.length });
      } catch (error) {
        if (!processExists(pid)) removeStale(agent); // left behind by a process that died without cleaning up
        else if (error instanceof NotRespondingError) found.push({ pid, responding: false });
        else if (error instanceof UntrustedError) refused.push(error.message);
        else if (!(error instanceof UnreachableError)) throw error;
      }
    }),
  );
  found.sort((a, b) => a.pid - b.pid);
  for (const line of new Set(refused)) process.stderr.write(`kheiron: ${printable(line)}\n`);
  if (values.json) printJson(found);
  else if (found.length === 0) print('no Kheiron processes');
  else {
    const rows = found.map((p) => (p.responding ? [String(p.pid), `${p.uptimeS}s`, String(p.functions), String(p.rules), p.command!] : [String(p.pid), '-', '-', '-', `(not responding within ${PS_TIMEOUT_MS / 1000} s: its event loop is busy or blocked)`]));
    for (const line of table([['PID', 'UPTIME', 'FUNCTIONS', 'RULES', 'COMMAND'], ...rows])) print(line);
  }
  return refused.length > 0 ? 1 : 0;
}


/**
 * `kheiron functions <pid> [pattern]`: the registry of that process. A process started
 * without Kheiron gets the agent first, without rules (with --allow-inspector), as attach does.
 */
export async function listFunctions(argv: string[]): Promise<number> {
  const options = { json: { type: 'boolean' }, 'allow-inspector': { type: 'boolean' } } as const;
  const { values, positionals } = args(argv, options, 'functions');
  const pid = pidOf(positionals[0], 'functions');
  const loaded = await ensureAgent(pid, values['allow-inspector'] === true, 'without rules, to list its functions');
  // The first request after the agent is loaded edits the scripts in: it takes longer than a query.
  const timeoutMs = loaded ? 60_000 : undefined;
  const params = positionals[1] ? { pattern: positionals[1] } : {};
  const entries = await withAgent(pid, (c) => c.call('functions', params, timeoutMs), timeoutMs);
  if (values.json) printJson(entries);
  else if (entries.length === 0) print(positionals[1] ? `no function of process ${pid} matches ${positionals[1]}` : `process ${pid} has no prepared functions`);
  else for (const line of table([['ID', 'KIND', 'NAME', 'WHERE', 'PREPARED'], ...entries.map((e: any) => [e.id, e.kind, e.name, `${e.module}:${e.line}`, e.prepared])])) print(line);
  if (loaded && !values.json) {
    print(
      '  (started without Kheiron: the agent was loaded without rules. Listed are the functions a rule can reach: ' +
        'prepared in place over V8 LiveEdit [live-edit], dormant until a rule targets them, and exports patched only ' +
        'while hooks are attached [patched]. What V8 refused and nothing else reaches is not listed: kheiron attach ' +
        'names it, with the reason)',
    );
  }
  return 0;
}

/**
 * Makes sure process `pid` has an agent: one started without Kheiron gets it over its
 * inspector, only with the opt-in. Says whether it was loaded now.
 */
async function ensureAgent(pid: number, allowInspector: boolean, purpose: string): Promise<boolean> {
  if (await reachable(pid)) return false;
  requireInspectorOptIn(pid, allowInspector);
  process.stderr.write(`process ${pid} was started without Kheiron: loading the agent over its inspector${purpose ? ` ${purpose}` : ''}\n`);
  await loadAgentOverInspector(pid, { socketDir: socketDir() });
  return true;
}

/** `kheiron status <pid>`. */
export async function status(argv: string[]): Promise<number> {
  const { values, positionals } = args(argv, { json: { type: 'boolean' } }, 'status');
  const s = await withAgent(pidOf(positionals[0], 'status'), (c) => c.call('status'));
  if (values.json) {
    printJson(s);
    return 0;
  }
  print(`pid ${s.pid}  ${s.node}  up ${s.uptimeS}s  ${s.functions} functions prepared  ${s.rules.length} rules attached`);
  print(`command: ${s.argv.join(' ')}`);
  for (const r of s.rules) print(`  rule ${r.id} (${r.set}): ${r.calls} calls, ${r.failures} failures, on ${r.functions.join(', ')}`);
  print(`audit: ${Object.entries(s.counters).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  return 0;
}

/**
 * `kheiron attach <pid> <rules.ts|rules.js>`: the agent loads the file and attaches its
 * rules all or nothing. TypeScript is type-stripped here first, keeping every line.
 */
export async function attachRules(argv: string[]): Promise<number> {
  const { values, positionals } = args(argv, { json: { type: 'boolean' }, pending: { type: 'boolean' }, 'allow-inspector': { type: 'boolean' } }, 'attach');
  const pid = pidOf(positionals[0], 'attach');
  if (!positionals[1]) throw new UsageError('attach: which rules file? kheiron attach <pid> <rules.ts|rules.js>');
  const file = resolve(positionals[1]);
  let source: string;
  try {
    if (!statSync(file).isFile()) throw new Error('not a regular file');
    source = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  let loadable = file;
  let temporary: CompiledRules | undefined;
  if (/\.[mc]?ts$/.test(file)) {
    // In a private directory beside the original, so that its imports resolve as there.
    temporary = writeCompiledRules(file, await stripTypes(source, file));
    loadable = temporary.path;
  }
  try {
    await ensureAgent(pid, values['allow-inspector'] === true, '');
    // Importing the rules and editing functions in takes longer than a query.
    const result = await withAgent(pid, async (c) => {
      const attached = await c.call('attach', { file: loadable, displayName: file }, 60_000);
      // All or nothing: a rule that reaches no function is most likely a mistaken target.
      const empty = values.pending ? [] : attached.rules.filter((r: any) => r.functions.length === 0 && (r.unreachable ?? []).length === 0);
      if (empty.length > 0) {
        await c.call('detach', { ids: attached.rules.map((r: any) => r.id) });
        throw new Error(
          `${file}: refused, nothing attached: ${empty.map((r: any) => `rule ${r.id} matches no function of process ${pid}`).join('; ')}` +
            ` (kheiron functions ${pid} lists them; --pending keeps a rule that waits for modules not loaded yet)`,
        );
      }
      return attached;
      // A process whose loop was busy answers once it frees: attach waits as long as for the import.
    }, 60_000);
    if (values.json) printJson(result);
    else {
      for (const r of result.rules) {
        const none = result.unprepared ? 'no function: none of the attachable ones matches' : 'no function yet: it applies to matching modules when they load';
        print(`attached ${r.id} (${r.set}) to ${r.functions.length === 0 ? none : r.functions.map((f: any) => `${f.name} [${f.prepared}]`).join(', ')}`);
        for (const u of r.unreachable ?? []) print(`  not attached to ${u.name === '*' ? 'any function of' : u.name} (${u.module}${u.line ? `:${u.line}` : ''}): ${u.reason}`);
      }
      if (result.unprepared) {
        print("  (started without Kheiron: functions are prepared in place over V8 LiveEdit where V8 allows it [live-edit]; where it does not, a CommonJS module's exported functions and its exported classes' methods are patched [patched])");
      }
    }
    return 0;
  } finally {
    temporary?.remove();
  }
}

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
    throw new Error(`${file}: TypeScript rules need Node >= 22.13 (module.stripTypeScriptTypes) or the typescript package`);
  }
  const out = ts.transpileModule(source, { fileName: file, reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
  const problem = out.diagnostics?.find((d) => d.category === ts.DiagnosticCategory.Error);
  if (problem) {
    const { line } = problem.file!.getLineAndCharacterOfPosition(problem.start ?? 0);
    throw new Error(`${file}:${line + 1}: ${ts.flattenDiagnosticMessageText(problem.messageText, ' ')}`);
  }
  return out.outputText;
}

/** Whether the process has an agent listening already. */
async function reachable(pid: number): Promise<boolean> {
  try {
    (await AgentClient.open(pid)).close();
    return true;
  } catch (error) {
    if (error instanceof UnreachableError && /no Kheiron agent/.test(error.message)) return false;
    throw error;
  }
}

/** `kheiron detach <pid> [rule-id…|--all]`. */
export async function detachRules(argv: string[]): Promise<number> {
  const { values, positionals } = args(argv, { all: { type: 'boolean' }, json: { type: 'boolean' } }, 'detach');
  const pid = pidOf(positionals[0], 'detach');
  const ids = positionals.slice(1);
  if (!values.all && ids.length === 0) throw new UsageError('detach: which rules? kheiron detach <pid> <rule-id>... | --all');
  const result = await withAgent(pid, (c) => c.call('detach', values.all ? { all: true } : { ids }));
  if (values.json) printJson(result);
  else print(result.detached.length === 0 ? 'no rules were attached' : `detached ${result.detached.join(', ')}`);
  return 0;
}

/** `kheiron audit <pid> [--follow]`. */
export async function audit(argv: string[]): Promise<number> {
  const { values, positionals } = args(argv, { follow: { type: 'boolean' }, json: { type: 'boolean' } }, 'audit');
  const pid = pidOf(positionals[0], 'audit');
  const show = (e: any): void => (values.json ? printJson(e) : print(`${e.time}  ${String(e.type).padEnd(12)} ${String(e.rule ?? '').padEnd(20)} ${e.function ?? ''}${e.detail ? `  ${JSON.stringify(e.detail)}` : ''}`));
  return streaming(pid, async (client) => {
    client.onNotification((method, event) => {
      if (method === 'audit') show(event);
      else if (method === 'dropped' && event?.method === 'audit') {
        if (values.json) printJson({ dropped: event.dropped });
        else print(`  (${event.dropped} audit events not shown: this terminal did not read them fast enough)`);
      }
    });
    const { events } = await client.call('audit', { follow: values.follow === true });
    for (const e of events) show(e);
    if (values.follow) await untilInterrupted(client);
    return 0;
  });
}

/** `kheiron watch <pid> <target>`: calls as they happen, rate-capped; Ctrl-C detaches. */
export async function watchCalls(argv: string[]): Promise<number> {
  const { values, positionals } = args(argv, { rate: { type: 'string' }, depth: { type: 'string' }, json: { type: 'boolean' } }, 'watch');
  const depth = values.depth === undefined ? 1 : Number(values.depth);
  if (!(Number.isInteger(depth) && depth >= 0 && depth <= 4)) throw new UsageError('watch: --depth must be an integer from 0 to 4');
  const pid = pidOf(positionals[0], 'watch');
  if (!positionals[1]) throw new UsageError('watch: which functions? kheiron watch <pid> <target>');
  const rate = values.rate === undefined ? 20 : Number(values.rate);
  if (!(rate > 0)) throw new UsageError('watch: --rate must be a positive number');
  return streaming(pid, async (client) => {
    client.onNotification((method, e) => {
      if (method === 'dropped' && e?.method === 'watch') {
        if (values.json) printJson({ dropped: e.dropped, reason: e.reason });
        else print(`  (${e.dropped} calls not shown: this terminal did not read them fast enough)`);
        return;
      }
      if (method !== 'watch') return;
      if (values.json) printJson(e);
      else if (e.dropped) print(`  (${e.dropped} calls not shown: over ${rate}/s)`);
      else print(`${e.function}(${Array.isArray(e.args) ? e.args.join(', ') : ''}) ${'error' in e ? `threw ${e.error}` : `= ${e.result}`}  ${e.durationMs} ms`);
    });
    const { functions } = await client.call('watch', { target: positionals[1], rate, depth });
    if (functions.length === 0) throw new Error(`watch: no function of process ${pid} matches ${positionals[1]} (kheiron functions ${pid} lists them)`);
    process.stderr.write(`${printable(`watching ${functions.length} functions${functions.length ? `: ${functions.join(', ')}` : ''}; Ctrl-C to stop`)}\n`);
    await untilInterrupted(client);
    return 0;
  });
}

/**
 * A command that streams: the connection is closed however it ends, so that an error from
 * the agent (a bad target, an event it could not send) ends the command with that error.
 */
async function streaming(pid: number, f: (client: AgentClient) => Promise<number>): Promise<number> {
  const client = await AgentClient.open(pid);
  try {
    return await f(client);
  } finally {
    client.close();
  }
}

/** `kheiron inject <pid> <target> --throw MSG [--times N]`. */
export async function injectFault(argv: string[]): Promise<number> {
  const { values, positionals } = args(argv, { throw: { type: 'string' }, times: { type: 'string' }, json: { type: 'boolean' } }, 'inject');
  const pid = pidOf(positionals[0], 'inject');
  if (!positionals[1] || values.throw === undefined) throw new UsageError('inject: kheiron inject <pid> <target> --throw MSG [--times N]');
  const result = await withAgent(pid, (c) => c.call('inject', { target: positionals[1], throw: values.throw, ...(values.times ? { times: Number(values.times) } : {}) }));
  values.json ? printJson(result) : print(`attached ${result.id} to ${result.functions.join(', ') || 'no function yet'}`);
  return 0;
}

/** Streams until Ctrl-C (or the process goes away); closing the connection detaches what it attached. */
function untilInterrupted(client: AgentClient): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      client.close();
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    void client.closed().then(() => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    });
  });
}
