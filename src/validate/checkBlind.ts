import type { Problem } from '../core/problems.js';
import type { DocumentText } from '../match/documentTexts.js';
import type { Resume } from '../validate/schema/resume.js';

/**
 * 블라인드 채용 (blind hiring): the documents must not tell the school, the birth date or age, the
 * hometown or the family. `blind: true` leaves out the fields that hold them (tailorResume); this
 * check reads every text the role's documents show for words that name them anyway — the
 * person's own schools, any 대학교 / University, a birth year, 고향, 부모님 — and warns at each.
 */

interface Kind {
  what: string;
  patterns: RegExp[];
  hint: string;
}

const SCHOOL_WORDS =
  /[가-힣A-Za-z]{1,15}(?:대학교|대학원|고등학교|중학교|초등학교|과학고|외고|여고)|\b(?:University of(?: [A-Z][\w&'-]*)+|(?:[A-Z][\w&'.-]*\s)+(?:University|College|Institute of Technology|High School))\b|\b(?:KAIST|POSTECH|UNIST|DGIST|GIST)\b|카이스트|포스텍|(?:서울|연세|고려|성균관|한양|서강|이화여|중앙|경희|부산|경북|전남|충남)대(?![가-힣])/g;

const KINDS: Kind[] = [
  { what: 'a school', patterns: [SCHOOL_WORDS], hint: 'say what you studied or did without the school (e.g. "컴퓨터공학 전공", "학부 연구생")' },
  {
    what: 'a birth date or age',
    patterns: [
      /(?:19|20)\d{2}\s*년\s*\d{1,2}\s*월\s*\d{1,2}\s*일\s*생|(?:19|20)?\d{2}\s*년생|생년월일|만\s*\d{2}\s*세|\b(?:born (?:in|on) \w+|date of birth|DOB)\b/gi,
    ],
    hint: 'leave the birth date and age out',
  },
  {
    what: 'a hometown',
    patterns: [/[가-힣]+(?:도|시|군)\s*출신|고향|본적|출생지|\b(?:hometown|born and raised in)\b/gi],
    hint: 'leave the hometown out',
  },
  {
    what: 'family',
    patterns: [/가족\s*관계|부모님|아버지|어머니|부친|모친|배우자|기혼|미혼|\b(?:my (?:father|mother|parents|wife|husband|children|family)|married)\b/gi],
    hint: 'leave family out',
  },
];

/** The person's own schools, as written in the resume: the surest names to look for. */
function ownSchools(resume: Resume): string[] {
  const names = (resume.education ?? []).flatMap((e) => (typeof e.institution === 'string' ? [e.institution] : Object.values(e.institution ?? {})));
  return [...new Set(names.map((n) => n?.trim()).filter((n): n is string => Boolean(n) && !/\[TODO/.test(n!)))];
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every place a shown text names a school, a birth date, a hometown or family; one warning each, at its source. */
export function checkBlind(texts: readonly DocumentText[], resume: Resume, roleFile: string): Problem[] {
  const own = ownSchools(resume);
  const kinds = own.length > 0 ? [{ ...KINDS[0]!, patterns: [new RegExp(own.map(escapeRegExp).join('|'), 'g'), SCHOOL_WORDS] }, ...KINDS.slice(1)] : KINDS;
  const problems: Problem[] = [];
  for (const text of texts) {
    for (const kind of kinds) {
      // The own school's name and the generic pattern find the same words: one warning.
      const seen: [number, number][] = [];
      for (const pattern of kind.patterns) {
        for (const m of text.text.matchAll(pattern)) {
          if (seen.some(([start, end]) => m.index < end && start < m.index + m[0].length)) continue;
          seen.push([m.index, m.index + m[0].length]);
          problems.push({
            severity: 'warning',
            code: 'blind',
            at: text.locate(m.index, m[0].length),
            message: `"${m[0].trim()}" names ${kind.what} in the ${text.document} (${text.label}); ${roleFile} says blind: true (블라인드 채용), so no document may`,
            hint: kind.hint,
          });
        }
      }
    }
  }
  return problems;
}
