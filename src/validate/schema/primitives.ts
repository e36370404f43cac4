import { z } from 'zod';

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
 * JSON Resume's date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (ISO 8601), or a placeholder. A bare
 * year is a number in YAML (`startDate: 2021`), so numbers are read as their digits.
 */
export const isoDate = z.preprocess(
  (v) => (typeof v === 'number' && Number.isInteger(v) ? String(v) : v),
  z.union(
    [z.string().regex(/^[12]\d{3}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, { message: 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD' }), placeholder],
    { error: 'expected a date as text (YYYY, YYYY-MM or YYYY-MM-DD) or a [TODO: …] placeholder' },
  ),
);

export const url = z.union([z.url({ protocol: /^(https?|mailto)$/, message: 'expected a full URL starting with https://' }), placeholder], {
  error: 'expected a URL as text (https://…) or a [TODO: …] placeholder',
});
export const email = z.union([z.email({ message: 'expected an email address like name@example.com' }), placeholder], {
  error: 'expected an email address as text (name@example.com) or a [TODO: …] placeholder',
});

/** A stable handle for an entry, used by role files to include, exclude, order and override it. */
export const id = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/i, { message: 'expected an id of letters, digits, - and _ (e.g. yogiyo-data-service)' });
export const tags = z.array(z.string().min(1));

/** Fields every tailorable entry may carry on top of its JSON Resume fields. */
export const entryExtensions = { id: id.optional(), tags: tags.optional() };
