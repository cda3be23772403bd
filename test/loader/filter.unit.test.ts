import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LoaderConfig } from '../../src/loader/config.js';
import { createFilter, OWN_CODE } from '../../src/loader/filter.js';

const base: LoaderConfig = {
  include: ['/app/**'],
  defaultIncludes: 1,
  exclude: [],
  cacheDir: undefined,
  ownRoot: '/opt/kheiron',
  version: '0',
  phase2: 'attach',
};

describe('the include filter', () => {
  it('prepares the application by default, not node_modules and not Kheiron itself, and says why', () => {
    const why = createFilter(base);
    assert.equal(why('/app/src/a.js'), undefined);
    assert.equal(why('/app/node_modules/dep/index.js'), 'in node_modules, not included');
    assert.equal(why('/elsewhere/b.js'), 'not included');
    assert.equal(why('/opt/kheiron/dist/src/runtime/index.js'), OWN_CODE);
  });

  it('lets a given glob mean what it says, ** into node_modules included, and applies excludes last', () => {
    const why = createFilter({
      ...base,
      include: ['/app/**', '/app/**/*.cjs', '/app/node_modules/express/**'],
      exclude: ['/app/**/*.test.js'],
    });
    assert.equal(why('/app/node_modules/express/lib/router.js'), undefined);
    assert.equal(why('/app/node_modules/other/x.cjs'), undefined);
    assert.equal(why('/app/node_modules/other/x.js'), 'in node_modules, not included');
    assert.equal(why('/app/src/a.test.js'), 'excluded');
  });
});
