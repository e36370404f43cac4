import * as z from 'zod';
import { readDate } from '../../core/dates.js';

/**
 * Facts the user has not filled in yet are written as `[TODO: what]`. They pass every format
 * check (an email, a date) so that an unfinished resume still builds, and every step that can
 * see them reports them, so nobody sends a PDF with one left in.
 */
export const PLACEHOLDER_PATTERN = /\[TODO(?::[^\]]*)?\]/;

const placeholder = z.string().regex(PLACEHOLDER_PATTERN);

export { LANGS, type Lang } from '../../core/langs.js';
import { LANGS } from '../../core/langs.js';
export const langSchema = z.enum(LANGS);

/** Text that may be given once, or per language: `{ ko: 데이터 엔지니어, en: Data engineer }`. */
export const text = z.union(
  [
    z.string(),
    z
      .strictObject({ ko: z.string().optional(), en: z.string().optional() })
      .refine((t) => t.ko !== undefined || t.en !== undefined, { message: 'give the text in at least one language (ko or en)' }),
  ],
  { error: 'expected text or {ko, en}' },
);
export type Text = z.infer<typeof text>;

/**
 * A date as people write it (core/dates.ts: `2021.09`, `2021. 9.`, `2021년 9월`, `Sep 2021`, JSON
 * Resume's `2021-09`), or a placeholder; it comes out in the normal form `YYYY`, `YYYY-MM` or
 * `YYYY-MM-DD`. YAML reads `2021.09` as a number (and `2020.10` as 2020.1): validation is given
 * the text as written (DATE_KEYS, validateWithSchema), so a number here is only a bare year.
 */
const dateText = (allowOngoing: boolean) => {
  const written = allowOngoing ? [z.string(), z.number(), z.null()] : [z.string(), z.number()];
  return z
    .union(written, { error: 'expected a date as text, e.g. 2021.09 or Sep 2021' })
    .transform((value, ctx) => {
      if (value === null || value === '') return undefined;
      const text = String(value);
      if (PLACEHOLDER_PATTERN.test(text)) return text;
      const read = readDate(text, allowOngoing);
      if (read.kind === 'date') return read.iso;
      if (read.kind === 'ongoing') return undefined;
      ctx.issues.push({ code: 'custom', message: read.message, input: text, params: { hint: read.hint } });
      return z.NEVER;
    })
    .describe(`a date: 2021.09, 2021-09, 2021/09, 2021년 9월, Sep 2021, 2021 or 2021-09-01${allowOngoing ? '; present (or nothing) while it goes on' : ''}`);
};
export const isoDate = dateText(false);
/** An end date: `present`, `현재`, or nothing (`endDate:`) says the entry goes on. */
export const endDate = dateText(true).optional();

/** The keys whose values are dates: validation reads them as written, not as YAML's numbers. */
export const DATE_KEYS: ReadonlySet<string> = new Set(['startDate', 'endDate', 'date', 'releaseDate']);

/** `example.com/me`: a link written without its scheme, as JSON Resume's own sample does. */
const BARE_DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(\/\S*)?$/i;

/**
 * A link: `https://…`, `mailto:…`, a placeholder; a bare domain (`example.com/me`) is read as
 * https, and an empty text (`"url": ""`, JSON Resume's sample) as no link.
 */
export const url = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' && BARE_DOMAIN.test(v.trim()) ? `https://${v.trim()}` : v),
  z.union([z.url({ protocol: /^(https?|mailto)$/, message: 'expected a full URL starting with https://' }), placeholder, z.undefined()], {
    error: 'expected a URL as text (https://…) or a [TODO: …] placeholder',
  }),
);
export const email = z.union([z.email({ message: 'expected an email address like name@example.com' }), placeholder], {
  error: 'expected an email address as text (name@example.com) or a [TODO: …] placeholder',
});

/** A stable handle for an entry, used by role files to include, exclude, order and override it. */
export const id = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/i, { message: 'expected an id of letters, digits, - and _ (e.g. yogiyo-data-service)' });
export const tags = z.array(z.string().min(1));

/** Fields every tailorable entry may carry on top of its JSON Resume fields. */
export const entryExtensions = { id: id.optional(), tags: tags.optional() };
