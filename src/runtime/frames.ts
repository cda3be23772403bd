/*
 * While hooks are attached, the attached path of a function prepared with a shadow or for
 * reentry runs its body under frames of the runtime:
 *
 *   shadow:  [body copy] [shadowCall ...] [f: the check] caller
 *   reentry: [f: the body] [constructOriginal, reconstruct ...] [f: the check] caller
 *
 * The application should see `f` once, as in the original: `Error.prepareStackTrace` is
 * read through an accessor that hands the application's own formatter (or the default
 * format) the call sites without them. Only while a handle is attached; otherwise the
 * accessor returns what the application set, unchanged.
 */

type Prepare = (error: Error, sites: NodeJS.CallSite[]) => unknown;

const RUNTIME = new URL('.', import.meta.url).href;

let installed = false;

/** Installs the accessor once; `active` tells whether hooks are attached now. */
export function hideRuntimeFrames(active: () => boolean): void {
  if (installed) return;
  const current = Object.getOwnPropertyDescriptor(Error, 'prepareStackTrace');
  // Another tool's accessor, or a frozen Error: left alone.
  if (current && (!current.configurable || !('value' in current))) return;
  installed = true;
  let own = current?.value as unknown;
  // One formatter per value the application set: what it saves and sets back is what it set.
  const formatters = new Map<unknown, Prepare>();
  const underlying = new WeakMap<Prepare, unknown>();
  const formatter = (value: unknown): Prepare => {
    let format = formatters.get(value);
    if (!format) {
      format = (error, sites) =>
        typeof value === 'function'
          ? (value as Prepare)(error, visibleFrames(sites))
          : defaultFormat(error, visibleFrames(sites));
      if (formatters.size > 64) formatters.clear();
      formatters.set(value, format);
      underlying.set(format, value);
    }
    return format;
  };
  Object.defineProperty(Error, 'prepareStackTrace', {
    configurable: true,
    enumerable: current?.enumerable ?? false,
    get() {
      if (!active()) return own;
      // With source maps, Node formats the default itself (mapping every frame): left to it.
      if (typeof own !== 'function' && process.sourceMapsEnabled) return own;
      return formatter(own);
    },
    set(value: unknown) {
      own = typeof value === 'function' && underlying.has(value as Prepare) ? underlying.get(value as Prepare) : value;
    },
  });
}

/** The call sites without the runtime's frames and the second frame of the function they ran. */
export function visibleFrames(sites: NodeJS.CallSite[]): NodeJS.CallSite[] {
  const out: NodeJS.CallSite[] = [];
  for (let i = 0; i < sites.length; i++) {
    if (!isRuntime(sites[i]!)) {
      out.push(sites[i]!);
      continue;
    }
    // Only a run that starts where the body was called: a hook running inside one starts with
    // the dispatch's frames, and stays as it is.
    const top = sites[i]!.getFunctionName();
    const shadow = top === 'shadowCall';
    let end = i;
    let reentry = false;
    for (; end < sites.length && isRuntime(sites[end]!); end++)
      reentry ||= sites[end]!.getFunctionName() === 'reconstruct';
    reentry &&= top === 'constructOriginal';
    if (shadow) {
      // The shadow above ran the body; the check frame below is the function, by its name.
      out.pop();
    } else if (reentry) {
      // The frame above ran the body; the check frame below goes.
      end++;
    } else {
      // A hook's frames (before/after dispatch): the hook runs inside the call, as it does.
      for (let k = i; k < end; k++) out.push(sites[k]!);
    }
    i = end - 1;
  }
  return out;
}

function isRuntime(site: NodeJS.CallSite): boolean {
  const file = site.getFileName();
  return file !== undefined && file !== null && file.startsWith(RUNTIME);
}

/** V8's and Node's format without source maps: `Name: message` and one `at` line a frame. */
function defaultFormat(error: Error, sites: NodeJS.CallSite[]): string {
  let header: string;
  try {
    header = Error.prototype.toString.call(error);
  } catch {
    header = '<error>';
  }
  return sites.length === 0 ? header : `${header}\n    at ${sites.join('\n    at ')}`;
}
