import { readFileSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';

/*
 * A rules module is the operator's, not the application's: wherever it lives, `kheiron` in it
 * is the copy this agent runs (another copy would be another runtime, with no functions), and
 * it is an ES module whatever package it sits in (`import` in a `.js` file of a CommonJS
 * package). Module hooks for the URLs the agent imports rules from, installed with the first.
 */

const OWN_ROOT = new URL('../../../', import.meta.url);
const EXPORTS: Record<string, string> = {
  kheiron: 'dist/src/index.js',
  'kheiron/runtime': 'dist/src/runtime/index.js',
  'kheiron/transform': 'dist/src/transform/index.js',
};

const rulesUrls = new Set<string>();
let installed = false;

/** The URL to import a rules file from, marked as a rules module. */
export function rulesModuleUrl(href: string): string {
  install();
  rulesUrls.add(href);
  return href;
}

function install(): void {
  if (installed) return;
  installed = true;
  const fromRules = (parent: string | undefined): boolean => parent !== undefined && rulesUrls.has(parent);
  module.registerHooks({
    resolve(specifier, context, nextResolve) {
      const own = EXPORTS[specifier];
      if (own !== undefined && fromRules(context.parentURL))
        return { url: new URL(own, OWN_ROOT).href, format: 'module', shortCircuit: true };
      return nextResolve(specifier, context);
    },
    load(url, context, nextLoad) {
      const result = nextLoad(url, context);
      if (!rulesUrls.has(url) || result.format !== 'commonjs' || !/\.js(\?|$)/.test(url)) return result;
      // A `.js` rules file in a CommonJS package: rules are written as ES modules.
      return {
        format: 'module',
        source: readFileSync(fileURLToPath(url.replace(/\?.*$/, '')), 'utf8'),
        shortCircuit: true,
      };
    },
  });
}
