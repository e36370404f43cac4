import * as z from 'zod';
import { sectionKeySchema } from './resume.js';

const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, { message: 'expected a colour as #rrggbb' });

/** Page sizes in points (React-PDF's names). */
export const PAGE_SIZES = { A4: { width: 595.28, height: 841.89 }, LETTER: { width: 612, height: 792 } } as const;
export type PageSize = keyof typeof PAGE_SIZES;

/** How a paper size may be written (`A4`, `Letter`, any case) → React-PDF's name for it. */
const PAPER_NAMES = { A4: 'A4', a4: 'A4', Letter: 'LETTER', letter: 'LETTER', LETTER: 'LETTER' } as const satisfies Record<string, PageSize>;

/** A paper size as the theme's `page.size` or a role's `paper:` writes it. */
export const paperSchema = z
  .enum(Object.keys(PAPER_NAMES) as [keyof typeof PAPER_NAMES, ...(keyof typeof PAPER_NAMES)[]], { error: 'expected A4 or Letter' })
  .transform((name): PageSize => PAPER_NAMES[name])
  .describe('A4 (most of the world, Korea) or Letter (the US and Canada)');

/**
 * A length in points within a sane range. Outside it a page has no room left for text (a 10,000 pt
 * margin, a 10,000 pt body made React-PDF lay out for ever) or is unreadable. The message says
 * the value and the range; the bounds also reach the JSON Schema, so an editor flags them.
 */
const points = (what: string, min: number, max: number) => {
  const error = (issue: { input?: unknown }) => `${what} ${String(issue.input)} pt is outside ${min}–${max} pt`;
  return z.number().min(min, { error }).max(max, { error });
};
const MAX_MARGIN = 200;
const margin = points('a page margin of', 0, MAX_MARGIN);
const gap = (what: string, max: number) => points(what, 0, max);
const fontFamily = z.enum(['Pretendard', 'PretendardJP']);
const weight = z.union([z.literal(300), z.literal(400), z.literal(500), z.literal(600), z.literal(700), z.literal(800)]);

/**
 * A theme is data: `themes/<name>/theme.yaml`. Sizes are in PDF points (1/72 inch).
 * Documents read every visual decision from here.
 */
export const themeSchema = z
  .strictObject({
    $schema: z.string().optional(),
    name: z.string(),
    description: z.string().optional(),
    page: z.strictObject({
      size: paperSchema.default('A4'),
      margin: z.strictObject({ top: margin, right: margin, bottom: margin, left: margin }),
    }),
    /** `one-column`: everything in one flow; `sidebar`: a side column holds contact and the `sidebar.sections`. */
    layout: z.enum(['one-column', 'sidebar']).default('one-column'),
    sidebar: z
      .strictObject({
        width: points('a sidebar width of', 80, 300),
        background: color,
        text: color,
        sections: z.array(sectionKeySchema).default(['skills', 'education', 'languages', 'certificates', 'military']),
      })
      .optional(),
    fonts: z.strictObject({ body: fontFamily, heading: fontFamily }),
    colors: z.strictObject({ text: color, muted: color, accent: color, rule: color }),
    sizes: z.strictObject({
      name: points('a name size of', 8, 48),
      headline: points('a headline size of', 6, 36),
      section: points('a section title size of', 6, 36),
      title: points('an entry title size of', 6, 36),
      body: points('a body size of', 6, 24),
      small: points('a small text size of', 5, 24),
    }),
    weights: z.strictObject({ name: weight, section: weight, title: weight, body: weight }),
    /** Line height as a multiple of the font size; Hangul wants more than Latin (1.5–1.7). */
    lineHeight: z.number().min(1).max(2.5),
    /** Letter spacing in points; Pretendard reads well slightly tightened for Hangul. */
    letterSpacing: z.number().min(-1).max(2),
    spacing: z.strictObject({
      section: gap('a section spacing of', 72),
      entry: gap('an entry spacing of', 48),
      paragraph: gap('a paragraph spacing of', 36),
      bullet: gap('a bullet spacing of', 24),
    }),
    /**
     * How far `fit` may tighten the theme to bring a document within its page budget (see
     * fit/tighten.ts): the smallest body size (the other text sizes shrink with it), line height,
     * share of the spacing, and page margin. Without it, fit leaves the theme as it is.
     */
    minimums: z
      .strictObject({
        body: points('a minimum body size of', 6, 24),
        lineHeight: z.number().min(1).max(2.5),
        spacing: z.number().min(0).max(1).describe('the smallest share of each spacing, 0–1 (0.6: down to 60%)'),
        margin: points('a minimum page margin of', 0, MAX_MARGIN).describe('no margin is tightened below this (a smaller one stays)'),
      })
      .optional(),
    /**
     * Section titles: upper-case (Latin only); a rule under them; a short accent bar before
     * them; `above` their content, or in a left `gutter` column `gutterWidth` points wide.
     */
    sectionStyle: z.strictObject({
      rule: z.boolean(),
      uppercase: z.boolean(),
      bar: z.boolean().default(false),
      placement: z.enum(['above', 'gutter']).default('above'),
      gutterWidth: points('a gutter width of', 30, 200).default(78),
    }),
  })
  .refine((t) => t.layout !== 'sidebar' || t.sidebar !== undefined, {
    message: 'layout: sidebar needs a `sidebar:` block (width, background, text, sections)',
    path: ['sidebar'],
  })
  .superRefine((t, ctx) => {
    for (const issue of textAreaIssues(t)) ctx.addIssue({ code: 'custom', ...issue });
    for (const issue of minimumIssues(t)) ctx.addIssue({ code: 'custom', ...issue });
  });

export type Theme = z.infer<typeof themeSchema>;

/** The share of the page's width and height the margins must leave to the text. */
const MIN_TEXT_SHARE = 0.4;

/** The margins (and a sidebar) must leave a text area: at least MIN_TEXT_SHARE of the page each way. */
function textAreaIssues(theme: Theme): { message: string; path: string[]; params: { hint: string } }[] {
  const page = PAGE_SIZES[theme.page.size];
  const { top, right, bottom, left } = theme.page.margin;
  // A margin out of its own range is reported by itself.
  if ([top, right, bottom, left].some((m) => m > MAX_MARGIN)) return [];
  const percent = `${MIN_TEXT_SHARE * 100}%`;
  const issues = [];
  const across = page.width - left - right;
  if (across < page.width * MIN_TEXT_SHARE) {
    issues.push({
      path: ['page', 'margin'],
      message: `left ${left} + right ${right} pt leave ${Math.round(across)} pt of the page's ${page.width} pt width for text, under ${percent}`,
      params: { hint: `keep left + right at most ${Math.floor(page.width * (1 - MIN_TEXT_SHARE))} pt (the classic theme: 50 + 50)` },
    });
  }
  const down = page.height - top - bottom;
  if (down < page.height * MIN_TEXT_SHARE) {
    issues.push({
      path: ['page', 'margin'],
      message: `top ${top} + bottom ${bottom} pt leave ${Math.round(down)} pt of the page's ${page.height} pt height for text, under ${percent}`,
      params: { hint: `keep top + bottom at most ${Math.floor(page.height * (1 - MIN_TEXT_SHARE))} pt (the classic theme: 46 + 50)` },
    });
  }
  const sidebar = sidebarOf(theme);
  // The sidebar runs from the page's left edge (its padding is the left margin); the main column is what remains.
  const mainColumn = sidebar ? page.width - sidebar.width - right : across;
  if (sidebar && across >= page.width * MIN_TEXT_SHARE && mainColumn < page.width * MIN_TEXT_SHARE) {
    issues.push({
      path: ['sidebar', 'width'],
      message: `a sidebar of ${sidebar.width} pt leaves a main column of ${Math.round(mainColumn)} pt, under ${percent} of the page's width`,
      params: { hint: `keep sidebar.width + page.margin.right at most ${Math.floor(page.width * (1 - MIN_TEXT_SHARE))} pt (the modern theme: 178 + 40)` },
    });
  }
  return issues;
}

/** A minimum above the theme's own value would make fit loosen the theme: a mistake in the theme. */
function minimumIssues(theme: Theme): { message: string; path: string[]; params: { hint: string } }[] {
  const min = theme.minimums;
  if (!min) return [];
  const above = [
    ['body', min.body, theme.sizes.body, 'sizes.body'],
    ['lineHeight', min.lineHeight, theme.lineHeight, 'lineHeight'],
  ] as const;
  return above
    .filter(([, minimum, value]) => minimum > value)
    .map(([key, minimum, value, field]) => ({
      path: ['minimums', key],
      message: `minimums.${key} ${minimum} is above the theme's ${field} ${value}`,
      params: { hint: `a minimum is at most the theme's own value: write ${key}: ${value} or less` },
    }));
}

/** The side column of a `sidebar` layout, or undefined for one column. */
export const sidebarOf = (theme: Theme) => (theme.layout === 'sidebar' ? theme.sidebar : undefined);
