import { readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { socketDir } from '../agent/paths.js';
import { AgentClient, UnreachableError } from './client.js';
import { loadAgentOverInspector } from './inspector.js';
import { UsageError } from './usage.js';

type Print = (line: string) => void;
const print: Print = (line) => process.stdout.write(`${line}\n`);

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

async function withAgent<T>(pid: number, f: (client: AgentClient) => Promise<T>): Promise<T> {
  const client = await AgentClient.open(pid);
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

/** `kheiron ps`: this user's processes with a Kheiron agent. */
export async function ps(argv: string[]): Promise<number> {
  const { values } = args(argv, { json: { type: 'boolean' } }, 'ps');
  const dir = socketDir();
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((n) => /^\d+\.sock$/.test(n));
  } catch {
    // no directory: no processes
  }
  const found = [];
  for (const name of names) {
    const pid = Number(name.slice(0, -5));
    try {
      const status = await withAgent(pid, (c) => c.call('status'));
      found.push({ pid, command: status.argv.join(' '), uptimeS: status.uptimeS, functions: status.functions, rules: status.rules.length });
    } catch (error) {
      if (!alive(pid)) {
        try {
          unlinkSync(join(dir, name)); // left behind by a process that died without cleaning up
        } catch {
          // someone else removed it
        }
      } else if (!(error instanceof UnreachableError)) throw error;
    }
  }
  if (values.json) print(JSON.stringify(found));
  else if (found.length === 0) print('no Kheiron processes');
  else for (const line of table([['PID', 'UPTIME', 'FUNCTIONS', 'RULES', 'COMMAND'], ...found.map((p) => [String(p.pid), `${p.uptimeS}s`, String(p.functions), String(p.rules), p.command])])) print(line);
  return 0;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** `kheiron functions <pid> [pattern]`: the registry of that process. */
export async function listFunctions(argv: string[]): Promise<number> {
  const { values, positionals } = args(argv, { json: { type: 'boolean' } }, 'functions');
  const pid = pidOf(positionals[0], 'functions');
  const entries = await withAgent(pid, (c) => c.call('functions', positionals[1] ? { pattern: positionals[1] } : {}));
  if (values.json) print(JSON.stringify(entries));
  else for (const line of table([['ID', 'KIND', 'NAME', 'WHERE', 'PREPARED'], ...entries.map((e: any) => [e.id, e.kind, e.name, `${e.module}:${e.line}`, e.prepared])])) print(line);
  return 0;
}

/** `kheiron status <pid>`. */
export async function status(argv: string[]): Promise<number> {
  const { values, positionals } = args(argv, { json: { type: 'boolean' } }, 'status');
  const s = await withAgent(pidOf(positionals[0], 'status'), (c) => c.call('status'));
  if (values.json) {
    print(JSON.stringify(s));
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
  const { values, positionals } = args(argv, { json: { type: 'boolean' } }, 'attach');
  const pid = pidOf(positionals[0], 'attach');
  if (!positionals[1]) throw new UsageError('attach: which rules file? kheiron attach <pid> <rules.ts|rules.js>');
  const file = resolve(positionals[1]);
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  let loadable = file;
  let temporary: string | undefined;
  if (/\.[mc]?ts$/.test(file)) {
    // Next to the original, so that its imports resolve as they would there.
    temporary = join(dirname(file), `.${basename(file, extname(file))}.kheiron-${process.pid}.mjs`);
    writeFileSync(temporary, await stripTypes(source, file), { mode: 0o600 });
    loadable = temporary;
  }
  try {
    if (!(await reachable(pid))) {
      process.stderr.write(`process ${pid} was started without Kheiron: loading the agent over its inspector\n`);
      await loadAgentOverInspector(pid, { socketDir: socketDir() });
    }
    const result = await withAgent(pid, (c) => c.call('attach', { file: loadable, displayName: file }));
    if (values.json) print(JSON.stringify(result));
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
    if (temporary) unlinkSync(temporary);
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
  if (values.json) print(JSON.stringify(result));
  else print(result.detached.length === 0 ? 'no rules were attached' : `detached ${result.detached.join(', ')}`);
  return 0;
}

/** `kheiron audit <pid> [--follow]`. */
export async function audit(argv: string[]): Promise<number> {
  const { values, positionals } = args(argv, { follow: { type: 'boolean' }, json: { type: 'boolean' } }, 'audit');
  const pid = pidOf(positionals[0], 'audit');
  const client = await AgentClient.open(pid);
  const show = (e: any): void => print(values.json ? JSON.stringify(e) : `${e.time}  ${e.type.padEnd(12)} ${(e.rule ?? '').padEnd(20)} ${e.function ?? ''}${e.detail ? `  ${JSON.stringify(e.detail)}` : ''}`);
  client.onNotification((method, event) => method === 'audit' && show(event));
  const { events } = await client.call('audit', { follow: values.follow === true });
  for (const e of events) show(e);
  if (!values.follow) {
    client.close();
    return 0;
  }
  await untilInterrupted(client);
  return 0;
}

/** `kheiron watch <pid> <target>`: calls as they happen, rate-capped; Ctrl-C detaches. */
export async function watchCalls(argv: string[]): Promise<number> {
  const { values, positionals } = args(argv, { rate: { type: 'string' }, json: { type: 'boolean' } }, 'watch');
  const pid = pidOf(positionals[0], 'watch');
  if (!positionals[1]) throw new UsageError('watch: which functions? kheiron watch <pid> <target>');
  const rate = values.rate === undefined ? 20 : Number(values.rate);
  if (!(rate > 0)) throw new UsageError('watch: --rate must be a positive number');
  const client = await AgentClient.open(pid);
  client.onNotification((method, e) => {
    if (method !== 'watch') return;
    if (values.json) print(JSON.stringify(e));
    else if (e.dropped) print(`  (${e.dropped} calls not shown: over ${rate}/s)`);
    else print(`${e.function}(${e.args.join(', ')}) ${'error' in e ? `threw ${e.error}` : `= ${e.result}`}  ${e.durationMs} ms`);
  });
  const { functions } = await client.call('watch', { target: positionals[1], rate });
  process.stderr.write(`watching ${functions.length} functions${functions.length ? `: ${functions.join(', ')}` : ''}; Ctrl-C to stop\n`);
  await untilInterrupted(client);
  return 0;
}

/** `kheiron inject <pid> <target> --throw MSG [--times N]`. */
export async function injectFault(argv: string[]): Promise<number> {
  const { values, positionals } = args(argv, { throw: { type: 'string' }, times: { type: 'string' }, json: { type: 'boolean' } }, 'inject');
  const pid = pidOf(positionals[0], 'inject');
  if (!positionals[1] || values.throw === undefined) throw new UsageError('inject: kheiron inject <pid> <target> --throw MSG [--times N]');
  const result = await withAgent(pid, (c) => c.call('inject', { target: positionals[1], throw: values.throw, ...(values.times ? { times: Number(values.times) } : {}) }));
  print(values.json ? JSON.stringify(result) : `attached ${result.id} to ${result.functions.join(', ') || 'no function yet'}`);
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
