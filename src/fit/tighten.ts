import type { Theme } from '../validate/schema/theme.js';

/**
 * The ways fit tightens a theme, the least visible first: the space between blocks, then the
 * page margins, then the line height, then the type size. Each goes from the theme's value to
 * its minimum (theme.yaml `minimums`) in STEPS_PER_DIMENSION equal steps, one dimension after
 * the other, so step k of the path tightens everything step k − 1 did and a little more: the
 * number of pages never grows along it, which lets fit search the path by bisection.
 */
const DIMENSIONS = ['spacing', 'margin', 'lineHeight', 'body'] as const;
const STEPS_PER_DIMENSION = 2;
/** The last step of the path: every dimension at its minimum. */
export const FIT_STEPS = DIMENSIONS.length * STEPS_PER_DIMENSION;

/** The theme at step `step` (0: as written, FIT_STEPS: at its minimums). A theme without minimums is not changed. */
export function tightenedTheme(theme: Theme, step: number): Theme {
  const min = theme.minimums;
  if (!min || step <= 0) return theme;
  const share = (dimension: (typeof DIMENSIONS)[number]) => {
    const first = DIMENSIONS.indexOf(dimension) * STEPS_PER_DIMENSION;
    return Math.min(Math.max(step - first, 0), STEPS_PER_DIMENSION) / STEPS_PER_DIMENSION;
  };
  // Rounded so that a step's values print as they are used and the same step is always the same theme.
  const toward = (value: number, minimum: number, t: number, digits: number) => round(value - (value - Math.min(value, minimum)) * t, digits);
  const spacing = toward(1, min.spacing, share('spacing'), 3);
  const margin = (value: number) => toward(value, min.margin, share('margin'), 1);
  const body = toward(theme.sizes.body, min.body, share('body'), 2);
  // Every size but the name's shrinks with the body, so headings keep their proportion to it.
  const scale = body / theme.sizes.body;
  const sized = (value: number) => round(value * scale, 2);
  const { top, right, bottom, left } = theme.page.margin;
  return {
    ...theme,
    page: { ...theme.page, margin: { top: margin(top), right: margin(right), bottom: margin(bottom), left: margin(left) } },
    sizes: {
      ...theme.sizes,
      headline: sized(theme.sizes.headline),
      section: sized(theme.sizes.section),
      title: sized(theme.sizes.title),
      body,
      small: sized(theme.sizes.small),
    },
    lineHeight: toward(theme.lineHeight, min.lineHeight, share('lineHeight'), 3),
    spacing: {
      section: round(theme.spacing.section * spacing, 2),
      entry: round(theme.spacing.entry * spacing, 2),
      paragraph: round(theme.spacing.paragraph * spacing, 2),
      bullet: round(theme.spacing.bullet * spacing, 2),
    },
  };
}

/** What a tightened theme changed, as the build prints it: `body 9.3 → 8.8 pt, spacing −20%`. */
export function describeTightening(theme: Theme, tightened: Theme): string {
  const changes: string[] = [];
  if (tightened.sizes.body !== theme.sizes.body) changes.push(`body ${theme.sizes.body} → ${tightened.sizes.body} pt`);
  if (tightened.lineHeight !== theme.lineHeight) changes.push(`line height ${theme.lineHeight} → ${tightened.lineHeight}`);
  const spacingShare = tightened.spacing.section / (theme.spacing.section || 1);
  if (theme.spacing.section > 0 && spacingShare < 1) changes.push(`spacing −${Math.round((1 - spacingShare) * 100)}%`);
  const margins = (t: Theme) => Object.values(t.page.margin);
  if (margins(tightened).some((m, i) => m !== margins(theme)[i])) changes.push(`margins ${span(margins(theme))} → ${span(margins(tightened))} pt`);
  return changes.join(', ');
}

/** `46–50` for a set of margins, `50` when they are one value. */
const span = (values: number[]): string => {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return lo === hi ? `${lo}` : `${lo}–${hi}`;
};

const round = (value: number, digits: number): number => Math.round(value * 10 ** digits) / 10 ** digits;
