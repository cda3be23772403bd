// ESLint (`npm run lint`): the recommended rules of @eslint/js and typescript-eslint, and the
// type-aware rules that find real mistakes with promises. A rule turned off says why.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      // Inputs of the tests and benchmarks, kept as they are on purpose (sloppy mode, odd shapes).
      'test/conformance/cases/**',
      'test/programs/fixtures/**',
      'bench/workloads/**',
      'bench/fixtures/**',
      // A benchmark's copy of dist/src while it runs.
      'bench/.under-test-*/**',
    ],
  },
  js.configs.recommended,
  {
    rules: {
      // Errors rewrapped for the user already carry the cause's message, which is what they need.
      'preserve-caught-error': 'off',
      // Its findings here are deliberate: a default before a `try`, a reference dropped before a
      // measured parse.
      'no-useless-assignment': 'off',
    },
  },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommended],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // A promise nobody awaits loses its rejection; node:test's runner awaits describe and it.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite'] },
          ],
        },
      ],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // `cond ? print(a) : print(b)` is how the CLI says one of two things.
      '@typescript-eslint/no-unused-expressions': ['error', { allowTernary: true }],
      // The runtime and the engine take the application's functions and values of any shape
      // (classes, getters, functions of another realm): `Function` and `any` say exactly that.
      '@typescript-eslint/no-unsafe-function-type': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The console's page: chart.js and app.js are inlined into one script, in this order.
    files: ['src/console/public/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser } },
  },
  {
    files: ['src/console/public/app.js'],
    languageOptions: { globals: { rates: 'readonly', drawChart: 'readonly' } },
  },
);
