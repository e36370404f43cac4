import { describe, expect, test } from 'vitest';
import { breakPoints } from '../../src/render/breakPoints.js';

/** Parts joined must give back the word; '' parts are silent break points. */
const breaksOf = (word: string) => {
  const parts = breakPoints(word);
  expect(parts.join('')).toBe(word);
  return parts.filter((p) => p !== '');
};

describe('breakPoints (React-PDF hyphenation callback)', () => {
  test('ordinary English and Korean words are never split, so no hyphen can be inserted', () => {
    for (const word of ['Kubernetes', 'internationalization', 'Observability', '데이터엔지니어', '(Continuous', '요기요(Yogiyo)에서', '100ms에서']) {
      expect(breakPoints(word)).toEqual([word]);
    }
  });

  test('a URL breaks only after its separators past its scheme and host, with empty parts (zero-width, no hyphen) between', () => {
    const parts = breakPoints('https://example.com/very/long/path?a=1&b=2');
    expect(parts).toContain('');
    expect(parts.filter((p) => p !== '')).toEqual(['https://example.com/', 'very/', 'long/', 'path?', 'a=1&b=2']);
    expect(parts.every((p, i) => (i % 2 === 1 ? p === '' : p !== ''))).toBe(true);
  });

  test('a URL breaks before a hyphen, never after: a text extractor takes a hyphen at a line end for a hyphenation and joins the halves', () => {
    for (const word of [
      'github.com/sy-park-example/data-platform-tools',
      'https://blog.example.com/2024/kafka-event-driven-architecture',
      'a-b-c-d-e-f-g-h-i-j-k-l-m-n',
    ]) {
      const parts = breaksOf(word);
      expect(parts.slice(0, -1).filter((part) => part.endsWith('-'))).toEqual([]);
    }
    expect(breaksOf('github.com/sy-park-example/data-platform-tools')).toEqual(['github.com/', 'sy', '-park', '-example/', 'data', '-platform', '-tools']);
  });

  test('a date range or phone number glued with NBSP never breaks, however long', () => {
    expect(breakPoints('September\u00a02013\u00a0–\u00a0February\u00a02017')).toEqual(['September\u00a02013\u00a0–\u00a0February\u00a02017']);
    expect(breakPoints('+82\u00a010-2345-6789-0000')).toEqual(['+82\u00a010-2345-6789-0000']);
  });

  test('a host longer than the last-resort run but within the kept length stays whole; only what follows it may break anywhere', () => {
    // 23 and 28 characters: over LONG_RUN (20), under KEPT_HOST_LENGTH (30). Split into characters before (`sou` / `ndcloud…`).
    expect(breaksOf('https://soundcloud.example.com/dandymusicnl')).toEqual(['https://soundcloud.example.com/', 'dandymusicnl']);
    expect(breaksOf('richardhendricks.example.com')).toEqual(['richardhendricks.example.com']);
    const tail = 'a3f9c2e8b7d1a3f9c2e8b7d1a3f9';
    expect(breaksOf(`soundcloud.example.com/${tail}`)).toEqual(['soundcloud.example.com/', ...tail]);
  });

  test('a host longer than a sidebar line may break: between its labels and before its hyphens, not between letters', () => {
    expect(breakPoints('https://minji-kim-frontend-portfolio.example.dev/about').filter((p) => p !== '').length).toBeGreaterThan(2);
    // The sidebar drew `…portfolio.example.d` / `ev/about/…` before.
    expect(breaksOf('minji-kim-frontend-portfolio.example.dev/about/resume-2026')).toEqual([
      'minji',
      '-kim',
      '-frontend',
      '-portfolio.',
      'example.',
      'dev/',
      'about/',
      'resume-2026',
    ]);
  });

  test('Korean words keep together even when long; only a run longer than a narrow column breaks between syllables', () => {
    expect(breakPoints('데이터플랫폼구축및운영자동화시스템')).toEqual(['데이터플랫폼구축및운영자동화시스템']);
    const veryLong = '가'.repeat(30);
    expect(breaksOf(veryLong)).toHaveLength(30);
  });

  test('a hash or token with no legal break still wraps (last resort), losing nothing', () => {
    const token = 'a3f9c2e8b7d1a3f9c2e8b7d1a3f9c2e8b7d1';
    expect(breaksOf(token).length).toBe(token.length);
  });

  test('mixed Korean and URL: breaks after the URL separators, never inside the Korean word', () => {
    const parts = breaksOf('문서:https://wiki.example.com/runbooks/settlement-batch-failure');
    expect(parts.some((p) => p.includes('문서'))).toBe(true);
    expect(parts.every((p) => !/^[가-힣]$/.test(p))).toBe(true);
  });
});
