import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readEnv } from '../config/env.js';

/** What the loader prepares and where it keeps prepared code. Plain data: it crosses threads. */
export interface LoaderConfig {
  /** The default include first (`defaultIncludes` of them), then the file's and the environment's. */
  include: string[];
  defaultIncludes: number;
  exclude: string[];
  cacheDir: string | undefined;
  /** Kheiron's own files: never prepared, or the runtime would hook itself. */
  ownRoot: string;
  version: string;
  /**
   * When Phase II happens: 'attach' leaves functions in their original text until a rule
   * targets them (V8 LiveEdit), 'load' prepares every function as its module loads.
   */
  phase2: 'attach' | 'load';
}

export const CONFIG_FILE = 'kheiron.config.json';

const ownRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Configuration from the environment, over `kheiron.config.json` in `cwd`, over defaults. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): LoaderConfig {
  const file = readConfigFile(cwd);
  // The environment adds to the file, which adds to the default: naming a dependency to prepare
  // does not stop the application's own files from being prepared.
  const defaults = file.include ? [] : [join(cwd, '**')];
  const include = [...defaults, ...(file.include ?? []), ...readEnv('KHEIRON_INCLUDE', env)].map((g) =>
    absoluteGlob(g, cwd),
  );
  const exclude = [...(file.exclude ?? []), ...readEnv('KHEIRON_EXCLUDE', env)].map((g) => absoluteGlob(g, cwd));
  const noCache = readEnv('KHEIRON_NO_CACHE', env) || file.cache === false;
  const cacheDir = noCache
    ? undefined
    : resolve(cwd, readEnv('KHEIRON_CACHE_DIR', env) || file.cacheDir || defaultCacheDir(cwd));
  const phase2 = readEnv('KHEIRON_PREPARE', env) || file.prepare || 'attach';
  if (phase2 !== 'attach' && phase2 !== 'load')
    throw new Error(`kheiron: KHEIRON_PREPARE / 'prepare' must be 'attach' or 'load', got '${phase2}'`);
  return { include, defaultIncludes: defaults.length, exclude, cacheDir, ownRoot, version: packageVersion(), phase2 };
}

interface ConfigFile {
  include?: string[];
  exclude?: string[];
  cache?: boolean;
  cacheDir?: string;
  prepare?: string;
}

function readConfigFile(cwd: string): ConfigFile {
  const path = join(cwd, CONFIG_FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return {};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`kheiron: ${path}: not valid JSON: ${(error as Error).message}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new Error(`kheiron: ${path}: expected an object`);
  const config = parsed as Record<string, unknown>;
  for (const key of Object.keys(config)) {
    if (!['include', 'exclude', 'cache', 'cacheDir', 'prepare'].includes(key)) {
      throw new Error(`kheiron: ${path}: unknown option '${key}' (known: include, exclude, cache, cacheDir, prepare)`);
    }
  }
  for (const key of ['include', 'exclude'] as const) {
    const v = config[key];
    if (v !== undefined && !(Array.isArray(v) && v.every((g) => typeof g === 'string' && g !== ''))) {
      throw new Error(`kheiron: ${path}: '${key}' must be an array of non-empty glob strings`);
    }
  }
  if (config.cache !== undefined && typeof config.cache !== 'boolean')
    throw new Error(`kheiron: ${path}: 'cache' must be true or false`);
  if (config.cacheDir !== undefined && typeof config.cacheDir !== 'string')
    throw new Error(`kheiron: ${path}: 'cacheDir' must be a string`);
  if (config.prepare !== undefined && config.prepare !== 'attach' && config.prepare !== 'load')
    throw new Error(`kheiron: ${path}: 'prepare' must be 'attach' or 'load'`);
  return config as ConfigFile;
}

/** `src/**` means `<cwd>/src/**`; `**` and absolute globs stand as they are. */
function absoluteGlob(glob: string, cwd: string): string {
  return isAbsolute(glob) || glob.startsWith('**') ? glob : join(cwd, glob);
}

function defaultCacheDir(cwd: string): string {
  try {
    readFileSync(join(cwd, 'package.json'));
    return join(cwd, 'node_modules', '.cache', 'kheiron');
  } catch {
    return join(tmpdir(), `kheiron-cache-${process.getuid?.() ?? 'user'}`);
  }
}

function packageVersion(): string {
  return (createRequire(import.meta.url)(join(ownRoot, 'package.json')) as { version: string }).version;
}
