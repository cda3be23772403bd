import { EMIT_FORMAT } from '../emitted.js';
import { instrument, InstrumentParseError, type SourceMap, type SourceType } from '../transform/index.js';
import { PreparedCache } from './cache.js';
import type { LoaderConfig } from './config.js';
import { createFilter } from './filter.js';

const MAP_COMMENT = /\/\/[#@] sourceMappingURL=data:application\/json(?:;charset=[\w-]+)?;base64,([A-Za-z0-9+/=]+)\s*$/;

/** Turns a module's source into prepared code: the one step every loader path shares. */
export class SourcePreparer {
  readonly accepts: (filename: string) => boolean;
  private readonly cache: PreparedCache | undefined;
  private readonly warned = new Set<string>();

  constructor(
    config: LoaderConfig,
    private readonly emitMaps: boolean,
  ) {
    this.accepts = createFilter(config);
    this.cache = config.cacheDir ? new PreparedCache(config.cacheDir, `${config.version}/${EMIT_FORMAT}`) : undefined;
  }

  /** Prepared code for `source`, or `source` itself when it cannot be parsed (with one warning). */
  prepare(source: string, filename: string, sourceType: SourceType): string {
    const key = this.cache?.key(filename, source, `${sourceType}:${this.emitMaps}`);
    const cached = key && this.cache!.get(key);
    if (cached) return cached;
    const code = this.transform(source, filename, sourceType);
    if (key) this.cache!.set(key, code);
    return code;
  }

  private transform(source: string, filename: string, sourceType: SourceType): string {
    const mapComment = MAP_COMMENT.exec(source);
    const inputSourceMap = mapComment ? decodeMap(mapComment[1]!) : undefined;
    let result;
    try {
      result = instrument(source, { filename, sourceType, inputSourceMap });
    } catch (error) {
      if (!(error instanceof InstrumentParseError)) throw error;
      // ES module syntax in a CommonJS file: Node detects it and loads it as a module,
      // through the module hooks, where it is prepared.
      if (sourceType === 'commonjs' && parsesAsModule(source, filename)) return source;
      if (!this.warned.has(filename)) {
        this.warned.add(filename);
        process.stderr.write(`kheiron: not prepared: ${error.message}\n`);
      }
      return source;
    }
    if (result.functions.length === 0 || !(this.emitMaps || inputSourceMap)) return result.code;
    // Replace the incoming map comment, on the same line, by the composed map.
    const mapUrl = `//# sourceMappingURL=data:application/json;charset=utf-8;base64,${Buffer.from(JSON.stringify(result.map)).toString('base64')}`;
    const code = result.code;
    const old = MAP_COMMENT.exec(code);
    return old ? code.slice(0, old.index) + mapUrl : `${code}\n${mapUrl}`;
  }
}

function parsesAsModule(source: string, filename: string): boolean {
  try {
    instrument(source, { filename, sourceType: 'module' });
    return true;
  } catch {
    return false;
  }
}

function decodeMap(base64: string): SourceMap | undefined {
  try {
    return JSON.parse(Buffer.from(base64, 'base64').toString('utf8')) as SourceMap;
  } catch {
    return undefined;
  }
}

/** Whether this process asked for source maps in stack traces. */
export function sourceMapsWanted(execArgv: readonly string[] = process.execArgv, env = process.env): boolean {
  return execArgv.includes('--enable-source-maps') || (env.NODE_OPTIONS ?? '').includes('--enable-source-maps');
}
