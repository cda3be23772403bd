import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { command, pidOf, withAgent } from '../command.js';
import { stripTypes, writeCompiledRules, type CompiledRules } from '../compiled-rules.js';
import { ensureAgent } from '../ensure-agent.js';
import { print, printJson } from '../output.js';
import { UsageError } from '../usage.js';

/**
 * `kheiron attach <pid> <rules.ts|rules.js>`: the agent loads the file and attaches its
 * rules all or nothing. TypeScript is type-stripped here first, keeping every line.
 */
export const attach = command({
  name: 'attach',
  usage: '<pid> <rules.ts|rules.js> [--pending] [--allow-inspector] [--json]',
  summary:
    'attach a rules module, all or nothing; a rule that matches no function is refused unless --pending (it then ' +
    'waits for modules not loaded yet).\n' +
    "      To a process started without Kheiron, only with --allow-inspector: it opens the process's inspector on " +
    '127.0.0.1 for a few\n' +
    '      milliseconds (SIGUSR1), and any local user who connects to it in that time can run code as the ' +
    "process's user.",
  options: { json: { type: 'boolean' }, pending: { type: 'boolean' }, 'allow-inspector': { type: 'boolean' } },
  run: async ({ values, positionals }) => {
    const pid = pidOf(positionals[0], 'attach');
    if (!positionals[1]) throw new UsageError('attach: which rules file? kheiron attach <pid> <rules.ts|rules.js>');
    const file = resolve(positionals[1]);
    const source = readRules(file);
    let loadable = file;
    let temporary: CompiledRules | undefined;
    if (/\.[mc]?ts$/.test(file)) {
      // In a private directory beside the original, so that its imports resolve as there.
      temporary = writeCompiledRules(file, await stripTypes(source, file));
      loadable = temporary.path;
    }
    try {
      await ensureAgent(pid, values['allow-inspector'] === true);
      const result = await attachAll(pid, file, loadable, values.pending === true);
      if (values.json) printJson(result);
      else printAttached(result);
      return 0;
    } finally {
      temporary?.remove();
    }
  },
});

function readRules(file: string): string {
  try {
    if (!statSync(file).isFile()) throw new Error('not a regular file');
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(
      `${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
    );
  }
}

/**
 * Attaches the rules, and detaches them again when one of them reaches no function (unless
 * `pending`): all or nothing, and such a rule is most likely a mistaken target.
 */
function attachAll(pid: number, file: string, loadable: string, pending: boolean): Promise<any> {
  // Importing the rules and editing functions in takes longer than a query; a process whose
  // loop was busy answers once it frees: attach waits as long as for the import.
  return withAgent(
    pid,
    async (c) => {
      const attached = await c.call('attach', { file: loadable, displayName: file }, 60_000);
      const empty = pending
        ? []
        : attached.rules.filter((r: any) => r.functions.length === 0 && (r.unreachable ?? []).length === 0);
      if (empty.length > 0) {
        await c.call('detach', { ids: attached.rules.map((r: any) => r.id) });
        throw new Error(
          `${file}: refused, nothing attached: ` +
            `${empty.map((r: any) => `rule ${r.id} matches no function ` + `of ` + `process ${pid}`).join('; ')}` +
            ` (kheiron functions ${pid} lists them; --pending keeps a rule that waits for modules not loaded yet)`,
        );
      }
      return attached;
    },
    60_000,
  );
}

function printAttached(result: any): void {
  for (const r of result.rules) {
    const none = result.unprepared
      ? 'no function: none of the attachable ones matches'
      : 'no function yet: it applies to matching modules when they load';
    print(
      `attached ${r.id} (${r.set}) to ${r.functions.length === 0 ? none : r.functions.map((f: any) => `${f.name} [${f.prepared}]`).join(', ')}`,
    );
    for (const u of r.unreachable ?? []) {
      print(
        `  not attached to ${u.name === '*' ? 'any function of' : u.name} (${u.module}${u.line ? `:${u.line}` : ''}): ${u.reason}`,
      );
    }
  }
  if (result.unprepared) {
    print(
      '  (started without Kheiron: functions are prepared in place over V8 LiveEdit where V8 allows it ' +
        '[live-edit]; where it does not,' +
        " a CommonJS module's exported functions and its exported classes' methods are patched [patched])",
    );
  }
}
