import { z } from 'zod';
import { sectionKeySchema } from './resume.js';

const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, { message: 'expected a colour as #rrggbb' });
const points = z.number().nonnegative();
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
      size: z.enum(['A4', 'LETTER']).default('A4'),
      margin: z.strictObject({ top: points, right: points, bottom: points, left: points }),
    }),
    /** `one-column`: everything in one flow; `sidebar`: a side column holds contact and the `sidebar.sections`. */
    layout: z.enum(['one-column', 'sidebar']).default('one-column'),
    sidebar: z
      .strictObject({
        width: points,
        background: color,
        text: color,
        sections: z.array(sectionKeySchema).default(['skills', 'education', 'languages', 'certificates', 'military']),
      })
      .optional(),
    fonts: z.strictObject({ body: fontFamily, heading: fontFamily }),
    colors: z.strictObject({ text: color, muted: color, accent: color, rule: color }),
    sizes: z.strictObject({ name: points, headline: points, section: points, title: points, body: points, small: points }),
    weights: z.strictObject({ name: weight, section: weight, title: weight, body: weight }),
    /** Line height as a multiple of the font size; Hangul wants more than Latin (1.5–1.7). */
    lineHeight: z.number().min(1).max(2.5),
    /** Letter spacing in points; Pretendard reads well slightly tightened for Hangul. */
    letterSpacing: z.number().min(-1).max(2),
    spacing: z.strictObject({ section: points, entry: points, paragraph: points, bullet: points }),
    /**
     * Section titles: upper-case (Latin only); a rule under them; a short accent bar before
     * them; `above` their content, or in a left `gutter` column `gutterWidth` points wide.
     */
    sectionStyle: z.strictObject({
      rule: z.boolean(),
      uppercase: z.boolean(),
      bar: z.boolean().default(false),
      placement: z.enum(['above', 'gutter']).default('above'),
      gutterWidth: points.default(78),
    }),
  })
  .refine((t) => t.layout !== 'sidebar' || t.sidebar !== undefined, { message: 'layout: sidebar needs a `sidebar:` block (width, background, text, sections)', path: ['sidebar'] });

export type Theme = z.infer<typeof themeSchema>;

/** The side column of a `sidebar` layout, or undefined for one column. */
export const sidebarOf = (theme: Theme) => (theme.layout === 'sidebar' ? theme.sidebar : undefined);
