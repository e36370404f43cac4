import { displayPath } from '../core/paths.js';
import { walkStrings } from '../core/walkStrings.js';
import type { YamlSource } from '../load/parseYaml.js';
import { LANGS, type Lang, type Text } from '../validate/schema/primitives.js';
import type { Resume } from '../validate/schema/resume.js';
import type { Role } from '../validate/schema/role.js';
import { valueAt } from '../validate/validateWithSchema.js';

/** Why a document is in its language, for `explain`. */
export type LanguageReason =
  | { from: 'option' }
  | { from: 'role' }
  /** The share of Hangul among the letters of the role's target, headline and summary. */
  | { from: 'role-text'; hangulShare: number }
  /** The share of Hangul among the letters of the resume's text. */
  | { from: 'resume-text'; hangulShare: number }
  | { from: 'default' };

export interface DocumentLanguage {
  lang: Lang;
  reason: LanguageReason;
}

/**
 * Text whose letters are at least this share Hangul is Korean. Korean prose about software is
 * full of Latin names (`Kafka, Spark 기반 데이터 파이프라인을 운영`: about half Hangul), while an
 * English text names a Korean company at most (`Frontend Engineer at 토스`: about a tenth).
 */
const KOREAN_SHARE = 0.25;

/**
 * The one rule for the language of a role's documents (the master's when `role` is undefined):
 * `--lang`, else the role's `lang:`, else the language of the role's own text (target, headline,
 * summary), else of the resume's text, else Korean. Text given in both languages (`{ko, en}`)
 * says nothing about which one is meant, so it does not count. Pure.
 */
export function documentLanguage(resume: Resume | undefined, role: Role | undefined, override?: Lang): DocumentLanguage {
  if (override) return { lang: override, reason: { from: 'option' } };
  if (role?.lang) return { lang: role.lang, reason: { from: 'role' } };
  if (role) {
    const share = hangulShare([role.target.company, role.target.position, role.headline, role.summary]);
    if (share !== undefined) return { lang: share >= KOREAN_SHARE ? 'ko' : 'en', reason: { from: 'role-text', hangulShare: share } };
  }
  const share = resume ? hangulShare([resumeProse(resume)]) : undefined;
  if (share !== undefined) return { lang: share >= KOREAN_SHARE ? 'ko' : 'en', reason: { from: 'resume-text', hangulShare: share } };
  return { lang: 'ko', reason: { from: 'default' } };
}

/** `en (from the role's target, headline and summary: 0% Hangul)`, `ko (lang: ko in roles/x.yaml:3)`. */
export function describeLanguage({ lang, reason }: DocumentLanguage, roleSource?: YamlSource): string {
  const percent = (share: number) => `${Math.round(share * 100)}% Hangul`;
  switch (reason.from) {
    case 'option':
      return `${lang} (--lang ${lang})`;
    case 'role': {
      const at = roleSource?.locate(['lang']);
      return `${lang} (lang: ${lang}${at ? ` in ${displayPath(at.file)}:${at.line}` : ' in the role file'})`;
    }
    case 'role-text':
      return `${lang} (from the role's target, headline and summary: ${percent(reason.hangulShare)}; write lang: ko or lang: en in the role to choose)`;
    case 'resume-text':
      return `${lang} (from the resume's text: ${percent(reason.hangulShare)})`;
    case 'default':
      return `${lang} (no text in one language to tell by: Korean, the default)`;
  }
}

/** Keys of the resume whose values are handles, links, dates or technology names, not prose in a language. */
const NOT_PROSE = new Set([
  '$schema',
  'id',
  'tags',
  'keywords',
  'url',
  'email',
  'phone',
  'image',
  'countryCode',
  'postalCode',
  'network',
  'username',
  'meta',
  'startDate',
  'endDate',
  'date',
  'releaseDate',
  'score',
]);

/** The resume's prose as a list of texts, each localised pair kept as it is (so that it counts as neither language). */
function resumeProse(resume: Resume): string[] {
  const texts: string[] = [];
  walkStrings(
    resume,
    (path, value) => {
      const key = path.at(-1);
      // One half of a pair given in both languages says nothing about which is meant.
      if (typeof key === 'string' && (LANGS as readonly string[]).includes(key) && hasBothLanguages(valueAt(resume, path.slice(0, -1)))) return;
      texts.push(value);
    },
    NOT_PROSE,
  );
  return texts;
}

const hasBothLanguages = (value: unknown): boolean =>
  value !== null && typeof value === 'object' && LANGS.every((lang) => typeof (value as Record<string, unknown>)[lang] === 'string');

const HANGUL = /[\p{Script=Hangul}]/gu;
const LATIN = /[\p{Script=Latin}]/gu;

/** The share of Hangul among the letters (Hangul and Latin) of the texts; undefined when they hold none in one language. */
export function hangulShare(texts: readonly (Text | string[] | undefined)[]): number | undefined {
  let hangul = 0;
  let latin = 0;
  const count = (text: string) => {
    hangul += text.match(HANGUL)?.length ?? 0;
    latin += text.match(LATIN)?.length ?? 0;
  };
  for (const text of texts) {
    if (text === undefined) continue;
    if (typeof text === 'string') count(text);
    else if (Array.isArray(text)) text.forEach(count);
    // A text in one language only (`{ ko: … }`) counts; one in both says nothing.
    else if (!(text.ko !== undefined && text.en !== undefined)) count(text.ko ?? text.en ?? '');
  }
  return hangul + latin === 0 ? undefined : hangul / (hangul + latin);
}
