import type { Lang } from '../core/langs.js';
import { LANGS } from '../core/langs.js';
import type { Problem, SourceLocation } from '../core/problems.js';
import { walkStrings } from '../core/walkStrings.js';
import type { DataPath, YamlSource } from '../load/parseYaml.js';
import { NOT_DRAWN } from './checkGlyphs.js';
import { SLOT_PATTERN } from './schema/application.js';
import { DATE_KEYS } from './schema/primitives.js';
import { formatPath, isLocalised, valueAt } from './validateWithSchema.js';

/** One role's documents: their language, every text they print, and the files those texts were written in. */
export interface LanguageCheck {
  roleId: string;
  lang: Lang;
  /** The texts as tailored (the resume's model, the answers' questions and answers). */
  drawn: readonly string[];
  sources: readonly YamlSource[];
}

const HANGUL = /\p{Script=Hangul}/u;
const NAMES: Record<Lang, string> = { ko: 'Korean', en: 'English' };

/** Dates print in the document's own style, tags and the like not at all. */
const NOT_TEXT = new Set([...NOT_DRAWN, ...DATE_KEYS, 'tags']);

/**
 * Text that prints in the other language, because the document's is not given: in an English
 * document, each string with Hangul and no `en` text (a plain string, or `{ ko: … }` alone); in
 * a Korean one, each `{ en: … }` with no `ko`. A plain Latin string in a Korean document is fine
 * (names of technologies, companies). One warning per place, naming every role it prints in.
 */
export function checkLanguage(checks: readonly LanguageCheck[]): Problem[] {
  const found = new Map<string, { at: SourceLocation; path: DataPath; text: string; lang: Lang; missing: 'plain' | 'localised'; roles: string[] }>();
  for (const check of checks) {
    const printed = check.drawn.join('\u0000');
    for (const source of check.sources) {
      walkStrings(
        source.data,
        (path, value) => {
          const missing = missingLanguage(source.data, path, value, check.lang);
          if (!missing || !isPrinted(value, printed)) return;
          const at = source.locate(path);
          const key = `${at.file}:${at.line}:${at.col}:${check.lang}`;
          const entry = found.get(key);
          if (entry) entry.roles.push(check.roleId);
          else found.set(key, { at, path, text: value, lang: check.lang, missing, roles: [check.roleId] });
        },
        NOT_TEXT,
      );
    }
  }
  return [...found.values()].map(({ at, path, text, lang, missing, roles }) => {
    const other: Lang = lang === 'ko' ? 'en' : 'ko';
    const shown = text.length > 40 ? `${text.slice(0, 39)}…` : text;
    return {
      severity: 'warning',
      code: 'language',
      at,
      path: formatPath(path),
      message: `"${shown}" prints in ${NAMES[other]} in the ${NAMES[lang]} documents of ${roles.join(', ')}: no ${lang} text is given for it`,
      hint: missing === 'localised' ? `add ${lang}: beside ${other}: in this { } mapping` : bothLanguagesHint(path, shown, lang),
    };
  });
}

/** Fields that take one text for every language (JSON Resume's plain strings), and the answers, written for one application. */
const ONE_TEXT = new Set(['keywords', 'phone', 'network', 'username', 'score', 'application']);

/** How to give a plain string in both languages where it is: `position: { ko: …, en: … }`, `- text: { … }` for a highlight. */
function bothLanguagesHint(path: DataPath, shown: string, lang: Lang): string {
  const key = path.at(-1);
  const owner = typeof key === 'number' ? path.at(-2) : key;
  if (path.some((segment) => typeof segment === 'string' && ONE_TEXT.has(segment)))
    return `${String(owner)} takes one text for every language: write it in ${NAMES[lang]}, or set lang: in the role file if these documents are not meant to be ${NAMES[lang]}`;
  // Plain strings that print in the wrong language are Korean in an English document.
  const pair = `{ ko: ${shown}, en: … }`;
  if (owner === 'highlights') return `give it in both languages: - text: ${pair} (or leave it, if it is a name)`;
  return `give it in both languages: ${typeof key === 'number' ? '- ' : `${String(key)}: `}${pair} (or leave it, if it is a name)`;
}

/** Whether the string at `path` is the other language's text where the document's is missing. */
function missingLanguage(data: unknown, path: DataPath, value: string, lang: Lang): 'plain' | 'localised' | undefined {
  const key = path.at(-1);
  const parent = valueAt(data, path.slice(0, -1));
  if (typeof key === 'string' && (LANGS as readonly string[]).includes(key) && isLocalised(parent)) {
    return typeof parent[lang] === 'string' ? undefined : 'localised';
  }
  return lang === 'en' && HANGUL.test(value) ? 'plain' : undefined;
}

/** A text prints when the documents hold it; a block's text is held in parts, between its `{{slots}}`. */
function isPrinted(value: string, printed: string): boolean {
  const parts = value
    .split(SLOT_PATTERN)
    .filter((_, i) => i % 2 === 0)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  return parts.length > 0 && parts.every((part) => part.split(/\n+/).every((line) => printed.includes(line.trim())));
}
