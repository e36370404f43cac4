import path from 'node:path';
import { test } from 'vitest';
import { checkData } from '../src/pipeline/check.js';
import { prepare } from '../src/pipeline/prepare.js';
test('t', () => {
  const dir = path.resolve('test/fixtures/fuzz');
  for (let k = 0; k < 3; k++) {
    let s = performance.now();
    for (let i = 0; i < 20; i++) checkData({ dataDir: dir });
    const c = performance.now() - s;
    s = performance.now();
    for (let i = 0; i < 20; i++) prepare({ dataDir: dir, roles: ['master'] });
    console.log('check', (c / 20).toFixed(1), 'prepare', ((performance.now() - s) / 20).toFixed(1));
  }
});
