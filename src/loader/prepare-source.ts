import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { EmittedModule } from '../emitted.js';
import { RUNTIME_GLOBAL, runtimeName } from '../emitted.js';
import { reportPrepared, reportSkipped } from './report.js';
import { defineModule, runtimeAlias, selectedAtLoad } from '../runtime/internal.js';
import type { SourceMap, SourceType } from '../transform/index.js';
import { PreparedCache, transformHash } from './cache.js';
import type { LoaderConfig } from './config.js';
import { createFilter } from './filter.js';

/**
 * The transform (the parser, the source-map code) is loaded on the first cache miss: a start
 * whose modules are all cached never loads it.
 */
let transformModule: typeof import('../transform/index.js') | undefined;
function transformer(): typeof import('../transform/index.js') {
  return (transformModule ??= createRequire(import.meta.url)(
    '../transform/index.js',
  ) as typeof import('../transform/index.js'));
}

/**
 * V8 14 (Node 26) answers setScriptSource only behind a flag, and there an edit of a function
 * that encloses one edited before (or the other way round) leaves closures created later
 * with the wrong context. So there only functions that contain no function or class are
 * prepared at attach, and never two of them enclose each other.
 */
export const LEAVES_ONLY = Number(process.versions.v8.split('.')[0]) >= 14;

const MAP_COMMENT = /\/\/[#@] sourceMappingURL=data:application\/json(?:;charset=[\w-]+)?;base64,([A-Za-z0-9+/=]+)\s*$/;

/**
 * Turns a module's source into prepared code: the one step every loader path shares. With
 * Phase II at attach, it also registers the module, whose code then has no prologue.
 */
export class SourcePreparer {
  /** Why a file is left alone (not included, excluded, Kheiron's own), or undefined. */
  readonly leftAlone: (filename: string) => string | undefined;
  private readonly cache: PreparedCache | undefined;
  private readonly warned = new Set<string>();
  /** Code handed to V8 per file, so that a second hook on the same module leaves it alone. */
  private readonly handed = new Map<string, string>();

  constructor(
    config: LoaderConfig,
    private readonly emitMaps: boolean,
    private readonly phase2: 'attach' | 'load' = config.phase2,
  ) {
    this.leftAlone = createFilter(config);
    this.cache = config.cacheDir
      ? new PreparedCache(config.cacheDir, () => `${config.version}/${transformHash()}`)
      : undefined;
  }

  accepts(filename: string): boolean {
    return this.leftAlone(filename) === undefined;
  }

  /** Whether `code` is what this preparer made of the file. */
  prepared(code: string, filename: string): boolean {
    return this.handed.get(filename) === code;
  }

  /** Prepared code for `source`, or `source` itself when it cannot be parsed (with one warning). */
  prepare(source: string, filename: string, sourceType: SourceType, url = pathToFileURL(filename).href): string {
    const code =
      this.phase2 === 'attach'
        ? this.prepareAtAttach(source, filename, sourceType, url)
        : this.prepareAtLoad(source, filename, sourceType);
    if (code !== source) {
      // A module that names the runtime's global itself reaches it under another name.
      const runtime = runtimeName(source);
      if (runtime !== RUNTIME_GLOBAL) runtimeAlias(runtime);
    }
    this.handed.set(filename, code);
    if (!this.warned.has(filename))
      reportPrepared(
        filename,
        code === source
          ? 'recorded, Phase II at attach'
          : this.phase2 === 'attach'
            ? 'recorded, some functions prepared at load'
            : 'prepared at load',
      );
    else reportSkipped(filename, 'not parsed');
    return code;
  }

  private prepareAtLoad(source: string, filename: string, sourceType: SourceType): string {
    // Where Phase II happens at attach, a module a rule selects at load does not re-enter either.
    const reentry = this.phase2 !== 'attach';
    const key = this.cache?.key(filename, source, `${sourceType}:${this.emitMaps}${reentry ? '' : ':no-reentry'}`);
    const cached = key && this.cache!.get(key);
    if (cached) return cached;
    const code = this.transform(source, filename, sourceType, false, reentry).code;
    if (key) this.cache!.set(key, code);
    return code;
  }

  /** Functions stay in their original text unless a hook attached already wants them now. */
  private prepareAtAttach(source: string, filename: string, sourceType: SourceType, url: string): string {
    const key = this.cache?.key(
      filename,
      source,
      `${sourceType}:${this.emitMaps}:attach${LEAVES_ONLY ? ':leaves' : ''}`,
    );
    // The registry, and the code only where it is not the source itself (the common case).
    const registry = key && this.cache!.get(key, 'json');
    const entry = registry ? (JSON.parse(registry) as { payload: EmittedModule | null; same: boolean }) : undefined;
    const cached = entry && (entry.same ? source : this.cache!.get(key!));
    let prepared: { code: string; payload?: EmittedModule };
    if (entry && cached !== undefined) {
      prepared = { code: cached, payload: entry.payload ?? undefined };
    } else {
      prepared = this.transform(source, filename, sourceType, true);
      if (key) {
        const same = prepared.code === source;
        if (!same) this.cache!.set(key, prepared.code);
        this.cache!.set(key, JSON.stringify({ payload: prepared.payload ?? null, same }), 'json');
      }
    }
    const { code, payload } = prepared;
    if (!payload || payload.functions.length === 0) return code;
    if (selectedAtLoad(payload)) return this.prepareAtLoad(source, filename, sourceType);
    defineModule(payload, { url, sourceType, original: code === source ? undefined : source, leavesOnly: LEAVES_ONLY });
    return code;
  }

  private transform(
    source: string,
    filename: string,
    sourceType: SourceType,
    defer: boolean,
    reentry = true,
  ): { code: string; payload?: EmittedModule } {
    const mapComment = MAP_COMMENT.exec(source);
    const inputSourceMap = mapComment ? decodeMap(mapComment[1]!) : undefined;
    const { prepare, PrepareError } = transformer();
    let result;
    try {
      result = prepare(source, {
        filename,
        sourceType,
        inputSourceMap,
        defer: defer ? { leavesOnly: LEAVES_ONLY } : undefined,
        reentry,
      });
    } catch (error) {
      if (!(error instanceof PrepareError)) throw error;
      // ES module syntax in a CommonJS file: Node detects it and loads it as a module,
      // through the module hooks, where it is prepared.
      if (sourceType === 'commonjs' && parsesAsModule(source, filename)) return { code: source };
      if (!this.warned.has(filename)) {
        this.warned.add(filename);
        // TypeScript reaching these hooks uncompiled: the TypeScript loader was registered after them.
        const hint = /\.[cm]?tsx?$/.test(filename)
          ? ' (TypeScript that no loader compiled before Kheiron saw it: register Kheiron after the TypeScript ' +
            'loader, e.g. node --import tsx --import kheiron/register; NODE_OPTIONS comes before the loader that ' +
            'tsx adds)'
          : '';
        process.stderr.write(`kheiron: not prepared: ${error.message}${hint}\n`);
      }
      return { code: source };
    }
    const payload = result.payload;
    if (result.insertions.length === 0 || !(this.emitMaps || inputSourceMap)) return { code: result.code, payload };
    // Replace the incoming map comment, on the same line, by the composed map.
    let map;
    try {
      map = result.map;
    } catch {
      // An input map the composition cannot read: the code goes without a composed map.
      return { code: result.code, payload };
    }
    const mapUrl = `//# sourceMappingURL=data:application/json;charset=utf-8;base64,${Buffer.from(JSON.stringify(map)).toString('base64')}`;
    const code = result.code;
    const old = MAP_COMMENT.exec(code);
    return { code: old ? code.slice(0, old.index) + mapUrl : `${code}\n${mapUrl}`, payload };
  }
}

function parsesAsModule(source: string, filename: string): boolean {
  try {
    transformer().prepare(source, { filename, sourceType: 'module' });
    return true;
  } catch {
    return false;
  }
}

/** An inline source map of the module, if it is one (a malformed map is ignored, as V8 does). */
function decodeMap(base64: string): SourceMap | undefined {
  try {
    const map = JSON.parse(Buffer.from(base64, 'base64').toString('utf8')) as SourceMap;
    const valid =
      map !== null &&
      typeof map === 'object' &&
      typeof map.mappings === 'string' &&
      Array.isArray(map.sources) &&
      map.sources.every((s) => s === null || typeof s === 'string');
    return valid ? map : undefined;
  } catch {
    return undefined;
  }
}

/** Whether this process asked for source maps in stack traces. */
export function sourceMapsWanted(execArgv: readonly string[] = process.execArgv, env = process.env): boolean {
  return execArgv.includes('--enable-source-maps') || (env.NODE_OPTIONS ?? '').includes('--enable-source-maps');
}
