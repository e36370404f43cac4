import type { Lang } from '../validate/schema/primitives.js';
import type { Resume, SectionKey } from '../validate/schema/resume.js';
import type { EntryModel } from './model.js';
import { formatDate, formatDateRange, formatScore, localize } from './i18n.js';

export type AnyEntry = NonNullable<Resume[SectionKey]>[number];

const join = (...parts: (string | undefined)[]): string | undefined => parts.filter(Boolean).join(' · ') || undefined;

/**
 * Maps an entry of any JSON Resume section onto the one shape themes draw. Highlights are
 * passed in already tailored (ranked, capped, overridden).
 */
export function toEntryModel(key: SectionKey, raw: AnyEntry, lang: Lang, highlights: string[]): EntryModel {
  const t = (value: Parameters<typeof localize>[0]) => localize(value, lang);
  const base = { id: raw.id, highlights, keywords: [] as string[] };
  // Each case narrows `raw` to its section's type by key; the cast is the price of one switch.
  switch (key) {
    case 'work': {
      const e = raw as NonNullable<Resume['work']>[number];
      return {
        ...base,
        title: t(e.position) ?? t(e.name) ?? '',
        subtitle: e.position ? t(e.name) : undefined,
        detail: join(t(e.location), t(e.description)),
        dates: formatDateRange(e.startDate, e.endDate, lang),
        url: e.url,
        summary: t(e.summary),
      };
    }
    case 'volunteer': {
      const e = raw as NonNullable<Resume['volunteer']>[number];
      return {
        ...base,
        title: t(e.position) ?? t(e.organization) ?? '',
        subtitle: e.position ? t(e.organization) : undefined,
        dates: formatDateRange(e.startDate, e.endDate, lang),
        url: e.url,
        summary: t(e.summary),
      };
    }
    case 'projects': {
      const e = raw as NonNullable<Resume['projects']>[number];
      return {
        ...base,
        title: t(e.name) ?? '',
        // The kind of project (JSON Resume's `type`: `application`, `volunteering`) qualifies the
        // subtitle; alone on the detail line it read as a stray word.
        subtitle: join(t(e.entity), ...(e.roles ?? []).map(t), t(e.type)),
        dates: formatDateRange(e.startDate, e.endDate, lang),
        url: e.url,
        summary: t(e.description),
        keywords: e.keywords ?? [],
      };
    }
    case 'education': {
      const e = raw as NonNullable<Resume['education']>[number];
      // Without a school (blind hiring, or none written), the degree and field are the title.
      const degree = join(t(e.studyType), t(e.area));
      return {
        ...base,
        title: t(e.institution) ?? degree ?? '',
        subtitle: e.institution === undefined ? undefined : degree,
        detail: formatScore(e.score, lang),
        dates: formatDateRange(e.startDate, e.endDate, lang),
        url: e.url,
        keywords: (e.courses ?? []).map((c) => t(c) ?? ''),
      };
    }
    case 'awards': {
      const e = raw as NonNullable<Resume['awards']>[number];
      return { ...base, title: t(e.title) ?? '', subtitle: t(e.awarder), dates: formatDate(e.date, lang), summary: t(e.summary) };
    }
    case 'certificates': {
      const e = raw as NonNullable<Resume['certificates']>[number];
      return { ...base, title: t(e.name) ?? '', subtitle: t(e.issuer), dates: formatDate(e.date, lang), url: e.url };
    }
    case 'publications': {
      const e = raw as NonNullable<Resume['publications']>[number];
      return { ...base, title: t(e.name) ?? '', subtitle: t(e.publisher), dates: formatDate(e.releaseDate, lang), url: e.url, summary: t(e.summary) };
    }
    case 'skills': {
      const e = raw as NonNullable<Resume['skills']>[number];
      return { ...base, title: t(e.name) ?? '', detail: t(e.level), keywords: e.keywords ?? [] };
    }
    case 'languages': {
      const e = raw as NonNullable<Resume['languages']>[number];
      return { ...base, title: t(e.language) ?? '', detail: t(e.fluency) };
    }
    case 'interests': {
      const e = raw as NonNullable<Resume['interests']>[number];
      return { ...base, title: t(e.name) ?? '', keywords: e.keywords ?? [] };
    }
    case 'references': {
      const e = raw as NonNullable<Resume['references']>[number];
      return { ...base, title: t(e.name) ?? '', summary: t(e.reference) };
    }
    case 'military': {
      const e = raw as NonNullable<Resume['military']>[number];
      return {
        ...base,
        title: join(t(e.branch), t(e.rank)) ?? t(e.status) ?? '',
        subtitle: e.branch || e.rank ? t(e.status) : undefined,
        dates: formatDateRange(e.startDate, e.endDate, lang),
        summary: t(e.summary),
      };
    }
    default: {
      const unreachable: never = key;
      throw new Error(`no entry mapping for section ${String(unreachable)}`);
    }
  }
}

/** What a user calls an entry in messages: its id, else its title. */
export function entryLabel(key: SectionKey, raw: AnyEntry): string {
  const model = toEntryModel(key, raw, 'ko', []);
  return raw.id ?? (model.title || `${key} entry`);
}
