import { Session } from 'node:inspector';
import { fileURLToPath } from 'node:url';
import type { Registry } from '../runtime/registry.js';
import { instrument } from '../transform/index.js';

/** Kheiron's own files are not the application's. */
const OWN_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * Prepares the ES modules of a process started without Kheiron in place, over V8's
 * LiveEdit (`Debugger.setScriptSource` through an in-process inspector session): each
 * module's source is replaced by its prepared form, checked with a dry run first.
 * What V8 refuses (a suspended generator of the module, for example) is reported.
 */
export class LiveEditor {
  /** Module path -> 'live-edit', or why it could not be edited. */
  readonly outcome = new Map<string, string>();

  constructor(private readonly registry: Registry) {}

  async discover(): Promise<void> {
    const session = new Session();
    session.connect();
    const post = <T>(method: string, params?: object): Promise<T> =>
      new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result as T))));
    const modules: { scriptId: string; url: string }[] = [];
    session.on('Debugger.scriptParsed', ({ params }: { params: { scriptId: string; url: string; isModule?: boolean } }) => {
      if (params.isModule && params.url.startsWith('file:')) modules.push(params);
    });
    try {
      await post('Debugger.enable');
      for (const { scriptId, url } of modules) {
        const path = fileURLToPath(url);
        if (this.outcome.has(path) || path.startsWith(OWN_ROOT) || path.includes('/node_modules/')) continue;
        this.outcome.set(path, await this.edit(post, scriptId, path));
      }
    } finally {
      session.disconnect();
    }
  }

  private async edit(post: <T>(method: string, params?: object) => Promise<T>, scriptId: string, path: string): Promise<string> {
    const { scriptSource } = await post<{ scriptSource: string }>('Debugger.getScriptSource', { scriptId });
    let prepared;
    try {
      prepared = instrument(scriptSource, { filename: path, sourceType: 'module', prologue: false, shadows: false });
    } catch (error) {
      return `not parsed: ${(error as Error).message}`;
    }
    if (prepared.functions.length === 0) return 'no functions';
    const dry = await post<{ status?: string }>('Debugger.setScriptSource', { scriptId, scriptSource: prepared.code, dryRun: true });
    if (dry.status && dry.status !== 'Ok') return `refused by V8 LiveEdit: ${dry.status}`;
    // The slots exist before the edited code can read them.
    this.registry.define(prepared.module, globalThis);
    const done = await post<{ status?: string }>('Debugger.setScriptSource', { scriptId, scriptSource: prepared.code });
    return done.status && done.status !== 'Ok' ? `refused by V8 LiveEdit: ${done.status}` : 'live-edit';
  }
}
