import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { settingsHash } from '../../src/cache/documentInputs.js';
import { shownHash } from '../../src/cache/documentShows.js';
import type { DocumentOutline } from '../../src/compose/documentOutline.js';
import { textAreaOf } from '../../src/compose/styles.js';
import { type Fitted, fitRendered, renderFitted } from '../../src/fit/fitDocument.js';
import { describeTightening, FIT_STEPS, tightenedTheme } from '../../src/fit/tighten.js';
import { DOCUMENT_MAKERS } from '../../src/pipeline/documents.js';
import { MASTER, prepare } from '../../src/pipeline/prepare.js';
import { renderDocument } from '../../src/render/renderDocument.js';
import { roleContext } from '../../src/pipeline/renderRole.js';
import { themeSchema, type Theme } from '../../src/validate/schema/theme.js';
import { inspectPdf } from '../../src/verify/inspectPdf.js';
import { verifyRenderedText } from '../../src/verify/verifyDocument.js';
import { repoRoot, tempDir } from '../helpers/cli.js';

/**
 * Fit (src/fit): a resume a third over its one-page budget in each theme (test/fixtures/fit, one
 * role per theme) is brought to one page and the note says what changed; one far over (85%)
 * cannot be, and the warning names what spills. Each role is fitted once, in beforeAll.
 */
const DATA = path.join(repoRoot, 'test', 'fixtures', 'fit');
const ROLES = ['classic', 'compact', 'modern', 'too-long'] as const;

const fitted = new Map<string, Fitted & { outline: DocumentOutline; drawn: readonly string[]; theme0: Theme }>();
beforeAll(async () => {
  const prepared = prepare({ dataDir: DATA, roles: [...ROLES] });
  for (const role of ROLES) {
    const ctx = roleContext(prepared, role);
    const doc = DOCUMENT_MAKERS.resume(ctx);
    const result = await renderFitted({ doc, theme: ctx.theme, recompose: (theme) => DOCUMENT_MAKERS.resume({ ...ctx, theme }), file: `${role}.pdf` });
    fitted.set(role, { ...result, outline: doc.outline, drawn: doc.drawn, theme0: ctx.theme });
  }
}, 60_000);

describe.each(['classic', 'compact', 'modern'])('a third over one page in %s', (role) => {
  test('fits one page, says what changed, with no defect and the text of the model', () => {
    const result = fitted.get(role)!;
    expect(inspectPdf(result.pdf).pages).toBe(1);
    expect(result.problems).toEqual([]);
    expect(result.note).toBe(`fitted to 1 page: ${describeTightening(result.theme0, result.theme)} (${result.renders - 1} extra renders)`);
    expect(result.note).toMatch(/spacing −\d+%/);
    // 1 render as it is, 3 to find the loosest step that fits (one before the minimums, here).
    expect(result.renders).toBe(1 + Math.log2(FIT_STEPS));
    // Read back in the tightened theme's text area: no bad break, every string in the text layer.
    expect(
      verifyRenderedText({ file: 'x.pdf', pdf: result.pdf, outline: result.outline, drawn: result.drawn, pageBudget: 1 }, textAreaOf(result.theme)),
    ).toEqual([]);
  });
});

test('a resume far over one page cannot fit: the warning names what spills and what to cut; the PDF is the untightened one', () => {
  const result = fitted.get('too-long')!;
  expect(result.theme).toBe(result.theme0);
  expect(inspectPdf(result.pdf).pages).toBe(2);
  // As it is, steps 4, 6, 7 and the minimums.
  expect(result.renders).toBe(5);
  expect(result.problems).toHaveLength(1);
  const [problem] = result.problems;
  expect(problem!.code).toBe('fit-impossible');
  expect(problem!.message).toContain("does not fit its budget of 1 page even at the theme's minimums (body 9.3 → 8.4 pt, line height 1.6 → 1.35");
  // The entries past page 1 at the minimums, by title and id; the hint leaves the last ones out.
  expect(problem!.message).toMatch(/what spills: "기술 › 언어" \(lang\), .*"수상 › 사내 기술 혁신상" \(award\)|what spills: .*\(schema\)/);
  expect(problem!.hint).toMatch(/exclude: \[[a-z, ]+\]/);
  expect(problem!.hint).toContain('limits:');
  expect(problem!.hint).toContain('denser theme');
});

test('a portfolio project that ends on a page of a few lines: warned of with fit off, pulled back with fit on', async () => {
  // Generated: a project of 18 long list items ends on a page holding 6% of it (classic), then a short project.
  const dir = tempDir();
  const para =
    '데이터 파이프라인을 설계하고 운영하면서 배운 점을 정리합니다. 배치 작업의 실패를 줄이기 위해 재시도 정책과 알림을 다듬었고, 팀이 같은 기준으로 장애를 다룰 수 있도록 런북을 만들었습니다.';
  fs.mkdirSync(path.join(dir, 'projects'));
  fs.writeFileSync(path.join(dir, 'resume.yaml'), 'basics:\n  name: 홍길동\n  email: test@example.com\n');
  fs.writeFileSync(path.join(dir, 'projects', 'a.md'), `# 긴 프로젝트\n\n${Array.from({ length: 18 }, (_, i) => `${i + 1}. ${para}`).join('\n\n')}\n`);
  fs.writeFileSync(path.join(dir, 'projects', 'b.md'), `# 짧은 프로젝트\n\n${para}\n`);
  const prepared = prepare({ dataDir: dir, roles: [MASTER] });
  const ctx = { ...roleContext(prepared, MASTER), fit: true };
  const doc = DOCUMENT_MAKERS.portfolio(ctx)!;
  const pdf = await renderDocument(doc);
  const area = textAreaOf(ctx.theme);
  expect(verifyRenderedText({ file: 'p.pdf', pdf, outline: doc.outline, drawn: doc.drawn }, area).map((p) => p.message)).toEqual([
    'page 3 holds only the end of the project "긴 프로젝트" (6% of a page)',
  ]);
  const result = await fitRendered(pdf, { doc, theme: ctx.theme, recompose: (theme) => DOCUMENT_MAKERS.portfolio({ ...ctx, theme })!, file: 'p.pdf' });
  expect(result.note).toMatch(/^project's last page pulled back, 4 → 3 pages: spacing −\d+% \(3 extra renders\)$/);
  expect(verifyRenderedText({ file: 'p.pdf', pdf: result.pdf, outline: doc.outline, drawn: doc.drawn }, textAreaOf(result.theme))).toEqual([]);
});

describe('the tightening path', () => {
  const theme = themeSchema.parse({
    name: 't',
    page: { margin: { top: 40, right: 50, bottom: 50, left: 20 } },
    fonts: { body: 'Pretendard', heading: 'Pretendard' },
    colors: { text: '#000000', muted: '#333333', accent: '#0000ff', rule: '#cccccc' },
    sizes: { name: 24, headline: 12, section: 12, title: 10, body: 10, small: 8 },
    weights: { name: 700, section: 700, title: 600, body: 400 },
    lineHeight: 1.6,
    letterSpacing: 0,
    spacing: { section: 20, entry: 10, paragraph: 4, bullet: 2 },
    minimums: { body: 9, lineHeight: 1.4, spacing: 0.5, margin: 30 },
    sectionStyle: { rule: true, uppercase: false },
  });

  test('step 0 is the theme; the last step is its minimums (a margin under the minimum stays); every step tightens the one before', () => {
    expect(tightenedTheme(theme, 0)).toBe(theme);
    const tightest = tightenedTheme(theme, FIT_STEPS);
    expect(tightest.sizes).toEqual({ name: 24, headline: 10.8, section: 10.8, title: 9, body: 9, small: 7.2 });
    expect(tightest.lineHeight).toBe(1.4);
    expect(tightest.spacing).toEqual({ section: 10, entry: 5, paragraph: 2, bullet: 1 });
    expect(tightest.page.margin).toEqual({ top: 30, right: 30, bottom: 30, left: 20 });
    const values = (t: Theme) => [t.sizes.body, t.lineHeight, t.spacing.section, ...Object.values(t.page.margin)];
    for (let step = 1; step <= FIT_STEPS; step++) {
      const before = values(tightenedTheme(theme, step - 1));
      const now = values(tightenedTheme(theme, step));
      now.forEach((v, i) => expect(v).toBeLessThanOrEqual(before[i]!));
      expect(now).not.toEqual(before);
    }
  });

  test('the least visible first: spacing, then margins, then line height, then the body size', () => {
    expect(describeTightening(theme, tightenedTheme(theme, 1))).toBe('spacing −25%');
    expect(describeTightening(theme, tightenedTheme(theme, 3))).toBe('spacing −50%, margins 20–50 → 20–40 pt');
    expect(describeTightening(theme, tightenedTheme(theme, 5))).toBe('line height 1.6 → 1.5, spacing −50%, margins 20–50 → 20–30 pt');
    expect(describeTightening(theme, tightenedTheme(theme, 7))).toBe('body 10 → 9.5 pt, line height 1.6 → 1.4, spacing −50%, margins 20–50 → 20–30 pt');
  });

  test('a theme without minimums is never tightened; a minimum above the theme is a problem in the theme', () => {
    const { minimums: _, ...without } = theme;
    expect(tightenedTheme(without, FIT_STEPS)).toBe(without);
    const wrong = themeSchema.safeParse({ ...theme, minimums: { ...theme.minimums, body: 11 } });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0]?.message).toBe("minimums.body 11 is above the theme's sizes.body 10");
  });

  test('fit is part of what a document shows and of the build settings: turning it on renders again', () => {
    const doc = { kind: 'resume' as const, content: { a: 1 }, pageBudget: 1 };
    expect(shownHash({ ...doc, fit: true }, theme, 'r.pdf', false)).not.toBe(shownHash({ ...doc, fit: false }, theme, 'r.pdf', false));
    expect(settingsHash({ dataDir: DATA, fit: true }, 'r')).not.toBe(settingsHash({ dataDir: DATA }, 'r'));
  });
});
