import type { AliasTable } from './aliases.js';
import { extractTerms, type TermGroup, type YearsAsked } from './terms.js';

export type SectionKind = 'required' | 'preferred' | 'duties';

/** One line of a posting's section: what it asks for, and where it is written. */
export interface Requirement {
  section: SectionKind;
  /** 1-based line in the posting's text. */
  line: number;
  text: string;
  groups: TermGroup[];
  years?: YearsAsked;
}

export interface Posting {
  requirements: Requirement[];
  /** The headings recognised, in order, with their lines. */
  headings: { section: SectionKind | 'other'; line: number; text: string }[];
}

/** The usual headings of each section, Korean and English (compared without spaces, case aside). */
const HEADINGS: Record<SectionKind | 'other', RegExp> = {
  required:
    /^(?:자격요건|자격요건및역량|필수(?:요건|사항|조건|역량|자격)?|지원자격|자격조건|requirements?|qualifications?|(?:minimum|basic|required)qualifications|whatyou(?:'|’)?llneed|whatweneed|youhave|musthaves?|required(?:skills)?)$/i,
  preferred:
    /^(?:우대(?:사항|조건|요건|역량)?|이런분이면더좋아요|preferred(?:qualifications|skills)?|nicetohaves?|niceto(?:have)?|bonus(?:points)?|pluses|(?:it'?s)?aplusif.*|extracredit)$/i,
  duties: /^(?:주요업무|담당업무|업무내용|하는일|합류하면하게될일|responsibilities|whatyou(?:'|’)?lldo|theroleis|duties|yourrole)$/i,
  other:
    /^(?:복리후생|혜택|채용절차|전형절차|근무조건|근무지|근무환경|회사소개|팀소개|기타|기타사항|참고사항|지원방법|제출서류|benefits|perks|aboutus|abouttheteam|aboutthecompany|hiringprocess|location|howtoapply)$/i,
};

/** What is left of a line that is a heading: markdown marks, brackets and bullets around it, a closing colon. */
const headingWords = (line: string): string =>
  line
    .replace(/^\s*(?:#{1,6}\s*|[-*•·▪■□▶►◆◇●○]\s*)*/, '')
    .replace(/\*\*|__|[[\]【】<>〈〉「」()]/g, '')
    .replace(/[:：]\s*$/, '')
    .replace(/\s+/g, '');

const BULLET = /^\s*(?:[-*+•·▪■□○●◦※✓✔▶►◆◇]|\d{1,2}[.)]|[①-⑳])\s+/;

/** A line that starts a section: its kind, and any requirement written after a colon on the same line. */
function headingOf(line: string): { section: SectionKind | 'other'; rest: string } | undefined {
  const colon = /^([^:：]{1,40})[:：]\s*(\S.*)$/.exec(line);
  for (const candidate of colon ? [line, colon[1]!] : [line]) {
    const words = headingWords(candidate);
    if (words.length === 0 || words.length > 30) continue;
    for (const section of ['required', 'preferred', 'duties', 'other'] as const) {
      if (HEADINGS[section].test(words)) return { section, rest: candidate === line ? '' : colon![2]! };
    }
  }
  // Any other markdown heading ends the section before it (## 팀 소개, ## Benefits).
  if (/^\s*#{1,6}\s+\S/.test(line)) return { section: 'other', rest: '' };
  return undefined;
}

/** Long lines are cut: a requirement is a sentence or two, and matching stays linear in the posting's size. */
const MAX_LINE = 1000;

/**
 * A posting's sections by their headings, each non-empty line under one a requirement, with its
 * terms. Text before the first heading (the company's introduction) and under other headings
 * (benefits, process) is no requirement.
 */
export function parsePosting(text: string, aliases: AliasTable): Posting {
  const requirements: Requirement[] = [];
  const headings: Posting['headings'] = [];
  let section: SectionKind | 'other' | undefined;
  const add = (raw: string, line: number) => {
    if (section === undefined || section === 'other') return;
    const body = raw.replace(BULLET, '').trim().slice(0, MAX_LINE);
    if (body === '') return;
    requirements.push({ section, line, text: body, ...extractTerms(body, aliases) });
  };
  text.split('\n').forEach((line, i) => {
    const heading = line.length <= 80 ? headingOf(line) : undefined;
    if (heading) {
      section = heading.section;
      headings.push({ section, line: i + 1, text: line.trim() });
      add(heading.rest, i + 1);
      return;
    }
    add(line, i + 1);
  });
  return { requirements, headings };
}
