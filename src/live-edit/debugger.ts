import { Session } from 'node:inspector';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';

/** What V8 answers to `Debugger.setScriptSource`. */
export interface EditResult {
  status?: string;
  exceptionDetails?: { text?: string; lineNumber?: number; exception?: { description?: string } };
}

/** The debugger of this very thread, enabled for the span of one call of `use`. */
export interface ScriptEditor {
  /** The id of the script V8 loaded from `url`, if any. */
  scriptId(url: string): string | undefined;
  source(scriptId: string): string;
  setSource(scriptId: string, source: string): EditResult;
}

/** What V8's refusals mean for the function that caused them. */
const REFUSALS: Record<string, string> = {
  BlockedByActiveFunction: 'V8 LiveEdit refused: the function is running now (on a stack)',
  BlockedByActiveGenerator:
    'V8 LiveEdit refused: a suspended activation of it exists (an async function awaiting, a generator)',
  BlockedByTopLevelEsModuleChange: "V8 LiveEdit refused: preparing it would change the module's top-level code",
};

/** Why an edit is not used although V8 would accept it. */
export const DISPLACED =
  "V8 LiveEdit would keep the function's existing closures on their old code: " +
  'its diff of the edit loses where a function starts or ends';

/** Whether V8 refused for an activation of a function (on the stack, or suspended): one that ends. */
export function activation(result: EditResult): boolean {
  return result.status === 'BlockedByActiveFunction' || result.status === 'BlockedByActiveGenerator';
}

export function editApplied(result: EditResult): boolean {
  return (result.status === undefined || result.status === 'Ok') && !result.exceptionDetails;
}

/** Why V8 refused an edit, for the functions it concerns. */
export function refusal(result: EditResult): string {
  if (result.status && result.status !== 'CompileError') {
    return REFUSALS[result.status] ?? `V8 LiveEdit refused: ${result.status}`;
  }
  const details = result.exceptionDetails;
  const why = details?.exception?.description ?? details?.text ?? 'unknown error';
  return `V8 LiveEdit could not compile the prepared code: ${why}`;
}

/** V8 >= 14 answers this until `--inspector-live-edit` is set. */
const DISABLED = 'setScriptSource functionality no longer available';

/**
 * V8's debugger over an in-process `node:inspector` session: no port, no signal, and on the
 * main thread every command completes before `post` returns, so an edit is synchronous.
 * The debugger is enabled only while `use` runs: an enabled debugger costs the program a
 * few percent.
 */
export class InProcessDebugger {
  use<T>(work: (editor: ScriptEditor) => T): T {
    const session = new Session();
    session.connect();
    const scripts = new Map<string, string>();
    const onParsed = ({ params }: { params: { scriptId: string; url: string } }): void => {
      // CommonJS that an ES module imports is known by its path.
      scripts.set(params.url.startsWith('/') ? pathToFileURL(params.url).href : params.url, params.scriptId);
    };
    session.on('Debugger.scriptParsed', onParsed);
    try {
      post(session, 'Debugger.enable');
      // Scripts are reported while `enable` runs; later ones do not concern this edit.
      session.off('Debugger.scriptParsed', onParsed);
      return work({
        scriptId: (url) => scripts.get(url),
        source: (scriptId) =>
          post<{ scriptSource: string }>(session, 'Debugger.getScriptSource', { scriptId }).scriptSource,
        setSource: (scriptId, scriptSource) => this.setSource(session, scriptId, scriptSource),
      });
    } finally {
      session.disconnect();
    }
  }

  private setSource(session: Session, scriptId: string, scriptSource: string): EditResult {
    try {
      return post<EditResult>(session, 'Debugger.setScriptSource', { scriptId, scriptSource });
    } catch (error) {
      if (!enableLiveEdit(error)) throw error;
      return post<EditResult>(session, 'Debugger.setScriptSource', { scriptId, scriptSource });
    }
  }
}

let liveEditFlag = false;

/**
 * V8 >= 14 (Node 26) answers `Debugger.setScriptSource` with an error until the flag
 * `--inspector-live-edit` is set. Sets it when `error` is that answer, and says whether the
 * command is worth another try. Only the debugger command is switched on: nothing about how
 * V8 runs code changes.
 */
export function enableLiveEdit(error: unknown): boolean {
  if (liveEditFlag || !String((error as Error)?.message).includes(DISABLED)) return false;
  setFlagsFromString('--inspector-live-edit');
  liveEditFlag = true;
  return true;
}

function post<T = unknown>(session: Session, method: string, params?: object): T {
  let done = false;
  let failure: Error | null = null;
  let value: unknown;
  session.post(method, params, (error, result) => {
    done = true;
    failure = error;
    value = result;
  });
  if (!done) throw new Error(`kheiron: the inspector did not answer ${method} synchronously`);
  if (failure) throw failure;
  return value as T;
}
