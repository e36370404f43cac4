import { expect, test } from 'vitest';
import { memoByText } from '../../src/core/memoByText.js';

test('keeps at least the last `limit` results used, recomputes what fell out', () => {
  let computed = 0;
  const length = memoByText((_: string, text: string) => (computed++, text.length), 3);
  for (const text of ['a', 'bb', 'ccc']) length('', text);
  expect(computed).toBe(3);
  // All three are kept; using `a` again keeps it among the newest.
  expect([length('', 'a'), length('', 'bb'), length('', 'ccc')]).toEqual([1, 2, 3]);
  expect(computed).toBe(3);
  for (const text of ['dddd', 'eeeee', 'ffffff']) length('', text);
  expect(computed).toBe(6);
  // The last three used are still there, whatever the generations did.
  for (const text of ['dddd', 'eeeee', 'ffffff']) length('', text);
  expect(computed).toBe(6);
});
