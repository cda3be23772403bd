import { globToRegExp } from '../runtime/selector.js';
import type { LoaderConfig } from './config.js';

const NODE_MODULES = /[\\/]node_modules[\\/]/;

/**
 * Decides which files are prepared: those matching an include glob and no exclude glob.
 * Files under node_modules are left alone unless an include glob names node_modules itself.
 */
export function createFilter(config: LoaderConfig): (filename: string) => boolean {
  const include = config.include.map((g) => ({ re: globToRegExp(g), modules: g.includes('node_modules') }));
  const exclude = config.exclude.map((g) => globToRegExp(g));
  // Kheiron's own code runs inside hooks: preparing it would let it hook itself.
  const own = [`${config.ownRoot}/dist/src/`, `${config.ownRoot}/src/`];
  return (filename) => {
    if (own.some((prefix) => filename.startsWith(prefix))) return false;
    const inModules = NODE_MODULES.test(filename);
    if (!include.some((i) => i.re.test(filename) && (!inModules || i.modules))) return false;
    return !exclude.some((re) => re.test(filename));
  };
}
