import { expect, test } from 'vitest';
import { drawableText } from '../../src/tailor/drawableText.js';
import type { Theme } from '../../src/validate/schema/theme.js';

const theme = { fonts: { body: 'Pretendard', heading: 'Pretendard' } } as unknown as Theme;

test('drawableText leaves out what no font draws, and a later build reuses the copy of an object it has seen', () => {
  const page = { type: 'paragraph', children: [{ type: 'text', value: '배포 시간 단축 🚀' }] };
  const first = drawableText({ title: '로그 품질', body: page }, theme);
  expect(first.body.children[0]!.value).toBe('배포 시간 단축 ');
  expect(page.children[0]!.value).toBe('배포 시간 단축 🚀');

  // The next build: a new model around the same page object (a parsed file that did not change).
  const second = drawableText({ title: '로그 품질 🚀', body: page }, theme);
  expect(second.body).toBe(first.body);
  expect(second.title).toBe('로그 품질 ');

  // Nothing to leave out: the object itself, then and on every later build.
  const plain = { type: 'text', value: 'Kubernetes 운영' };
  expect(drawableText({ plain }, theme).plain).toBe(plain);
  expect(drawableText([plain], theme)[0]).toBe(plain);

  // Code is drawn in the code font's stack: what none of it draws goes there too.
  const code = { type: 'code', value: 'echo 배포 🚀' };
  expect(drawableText({ code }, theme).code.value).toBe('echo 배포 ');
});
