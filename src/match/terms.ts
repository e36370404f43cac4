import type { AliasGroup, AliasTable } from './aliases.js';
import { nameKey } from './aliases.js';
import { allPlaces } from './findTerm.js';
import { nounOf } from './korean.js';

/** One skill or topic a requirement names, where in the requirement's text it is written. */
export interface Term {
  /** How it is shown: the alias table's first name, else the word as written (a Korean noun without its particle). */
  shown: string;
  /** Every name it may be written as in the documents. */
  names: string[];
  offset: number;
  length: number;
}

/** Terms of which any one covers the requirement's part (`A 또는 B`, `A, B, C 중 하나 이상`); most groups hold one term. */
export interface TermGroup {
  terms: Term[];
}

/** `경력 5년 이상`, `5+ years`: the years of work the requirement asks for. */
export interface YearsAsked {
  years: number;
  written: string;
}

export interface ExtractedTerms {
  groups: TermGroup[];
  years?: YearsAsked;
}

/**
 * Words of postings that name no skill: generic nouns (경험, 역량, 환경), activities every job has
 * (개발, 설계, 운영), and the frame of the sentence (이상, 분, 우대). Compared with the noun, its
 * particle stripped.
 */
const KOREAN_STOP = new Set(
  (
    '경험 경력 경험자 이상 이하 미만 분 분들 능력 역량 이해 이해도 지식 업무 관련 분야 환경 활용 사용 기반 경우 우대 필수 보유 가능 능숙 익숙 수준 ' +
    '개발 개발자 서비스 시스템 기술 프로젝트 등 및 또는 혹은 중 하나 한가지 가지 주도 적극 원활 문제 해결 다양 관심 ' +
    '최소 학력 무관 전공 학사 석사 박사 졸업 년 개월 담당 수행 참여 설계 구축 운영 개선 구현 처리 사항 내용 전반 실무 기본 ' +
    '함께 위해 통해 대해 같이 모든 여러 직접 스스로 주도적 능동 팀 회사 조직 동료 사람 것 수 곳 때 우리 저희 여러분 ' +
    '지원 지원자 채용 포지션 합니다 입니다 주세요 바랍니다 환영 우대합니다 좋습니다 있으면 계신 가지신 갖추신 보신 해보신 ' +
    '있는 있으신 없는 가진 갖춘 위한 통한 대한 관한 같은 높은 깊은 넓은 빠른 좋은 새로운 능한 다룰 다루어 다뤄 ' +
    '업무를 주요 담당업무 자격 요건 자격요건 우대사항 근무 형태 정규직 계약직 연봉 협의 모집 부문 인원 명 기타 등등 외 ' +
    '제품 고객 사용자 요구사항 커리어 성장 방법 과정 기회 이슈 관리 ' +
    // `또는 그에 준하는 역량` (or the equivalent), `…을 이용한`, `… 도구`: the frame of a requirement, no skill.
    '신입 그에 이에 준하 준하는 상응 상응하는 동등 동등한 해당 이용 이용한 사용한 활용한 도구 툴'
  ).split(' '),
);

/** English words of postings that name no skill, though capitalised at a sentence's start or in a title. */
const ENGLISH_STOP = new Set(
  (
    'a an and or the with in on of for to at as by be is are will have has must should can you we our your us they their it its ' +
    'experience experienced strong knowledge familiarity proficiency proficient ability understanding excellent good solid deep hands-on ' +
    'bachelor bachelors master masters degree computer science engineering related field equivalent nice plus bonus preferred required ' +
    'minimum years year build building built design designing own owning lead leading work working write writing ship shipping ' +
    'other similar modern one two three four five six seven eight nine ten at least etc e.g i.e including such like team teams ' +
    'english korean communication skills skill written verbal ideally also any all more than of working-knowledge production ' +
    'services service systems system tools tool large scale large-scale high low new our company role position who what you’ll we’re'
  ).split(' '),
);

const TOKEN = /[A-Za-z][A-Za-z0-9]*(?:(?:\+\+|#|[./-][A-Za-z0-9]+))*|[\uac00-\ud7a3]+/g;

/**
 * A Latin word names a technology when it is written like one — capitals inside (BigQuery), all
 * capitals (AWS), a digit or a symbol (k8s, CI/CD, Node.js) — or capitalised and no common
 * English word. A lowercase word counts only when the alias table knows it (dbt, backend).
 */
function technical(word: string): boolean {
  if (ENGLISH_STOP.has(word.toLowerCase())) return false;
  if (/[0-9+#./]/.test(word.slice(1)) || /[A-Z]/.test(word.slice(1))) return true;
  return /^[A-Z]/.test(word) && word.length > 1;
}

/** Gaps between two terms that make them alternatives, spaces and brackets aside. */
const OR_GAP = /^(?:,?(?:또는|혹은|이나|나|내지|or|\/))$/i;
const LIST_GAP = /^(?:,|、|이나,|나,)$/;
/** After a list: any one of it will do (`중 하나 이상`, `등`). */
const ANY_AFTER = /^\s*[)\]]?\s*(?:등(?:의)?\s|등$|중\s*(?:하나|한\s*가지|1\s*개|최소|택)|(?:and\/or\b))/;
/** Before a list: any one of it will do. */
const ANY_BEFORE = /(?:\b(?:one|any|at least one|one or more)\s+of|\bsuch as|\be\.g\.,?|\blike)\s*$/i;

/** `경력 5년 이상`, `3년 이상의`, `5+ years`, `at least 5 years`, `5 or more years`, `minimum of 5 years`. */
const YEARS_PATTERNS = [
  /(\d{1,2})\s*년\s*(?:차\s*)?이상/,
  /(\d{1,2})\s*\+\s*(?:years?|yrs?)\b/i,
  /(\d{1,2})\s*(?:or more|and above)\s*years?\b/i,
  /(?:at least|minimum(?: of)?|over)\s*(\d{1,2})\s*years?\b/i,
  /(\d{1,2})\s*years?\s*(?:or more|of (?:professional |relevant |industry |work )?experience)/i,
];

export function yearsAsked(text: string): YearsAsked | undefined {
  for (const pattern of YEARS_PATTERNS) {
    const m = pattern.exec(text);
    if (m) return { years: Number(m[1]), written: m[0].trim() };
  }
  return undefined;
}

interface Span {
  start: number;
  end: number;
  group?: AliasGroup;
  word?: string;
}

/** Every place a name of the table is written in `text`, longest first, none overlapping. */
function aliasSpans(text: string, aliases: AliasTable): Span[] {
  const found: Span[] = [];
  const lower = text.toLowerCase();
  for (const group of aliases.groups) {
    for (const name of group.names) {
      // Most names are not in a line at all: a substring test saves the pattern.
      if (!lower.includes(name.toLowerCase().split(/\s+/)[0]!)) continue;
      for (const place of allPlaces(text, name)) found.push({ start: place.offset, end: place.offset + place.length, group });
    }
  }
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Span[] = [];
  for (const span of found) if (!kept.some((k) => span.start < k.end && k.start < span.end)) kept.push(span);
  return kept;
}

/**
 * The terms of one requirement: names the alias table knows (`쿠버네티스` is Kubernetes), Latin
 * words written like technologies, and Korean nouns with their particles stripped; terms joined
 * by `또는` / `or` / `A나 B`, or a list before `중 하나 이상` / `등` or after `one of`, are one
 * group of alternatives; every other term is a group of its own.
 */
export function extractTerms(text: string, aliases: AliasTable): ExtractedTerms {
  const years = yearsAsked(text);
  const spans = aliasSpans(text, aliases);
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index;
    const end = start + m[0].length;
    if (spans.some((s) => start < s.end && s.start < end)) continue;
    if (years && text.indexOf(years.written) <= start && end <= text.indexOf(years.written) + years.written.length) continue;
    const word = m[0].replace(/[./-]+$/, '');
    if (/^[A-Za-z]/.test(word)) {
      const group = aliases.byKey.get(nameKey(word));
      if (group || technical(word)) spans.push({ start, end: start + word.length, group, word });
      continue;
    }
    const noun = nounOf(word);
    // One syllable is no term (큐, 툴), unless its other name follows in brackets (`뷰(Vue)`: see withGlosses).
    const glossed = /^\s*[(（]\s*[A-Za-z][^()（）]*[)）]/.test(text.slice(end));
    if ((noun.length < 2 && !glossed) || KOREAN_STOP.has(noun) || KOREAN_STOP.has(word)) continue;
    spans.push({ start, end: start + noun.length, word: noun });
  }
  spans.sort((a, b) => a.start - b.start);

  const terms: Term[] = [];
  for (const span of spans) {
    const shown = span.group?.shown ?? span.word!;
    if (terms.some((t) => nameKey(t.shown) === nameKey(shown))) continue;
    terms.push({ shown, names: span.group?.names ?? [span.word!], offset: span.start, length: span.end - span.start });
  }
  return { groups: groupAlternatives(text, withGlosses(text, terms)), years };
}

/**
 * `리액트(React)`, `쿠버네티스 (k8s)`: a term with its other name in brackets right after it is one
 * term, written either way (it was two, and broke the `또는` after it). Shown by the name in brackets,
 * which postings give as the common one.
 */
function withGlosses(text: string, terms: readonly Term[]): Term[] {
  const out: Term[] = [];
  for (const term of terms) {
    const previous = out.at(-1);
    const opened = previous && /^\s*[(（]\s*$/.test(text.slice(previous.offset + previous.length, term.offset));
    if (previous && opened && /^\s*[)）]/.test(text.slice(term.offset + term.length))) {
      out[out.length - 1] = {
        shown: term.shown,
        names: [...new Set([...term.names, ...previous.names])],
        offset: previous.offset,
        length: term.offset + term.length - previous.offset,
      };
    } else out.push(term);
  }
  return out;
}

/** Chains of terms joined by commas and `또는` / `or`; a chain with an `or`, or marked as "any of", is one group. */
function groupAlternatives(text: string, terms: Term[]): TermGroup[] {
  const groups: TermGroup[] = [];
  let chain: Term[] = [];
  let hasOr = false;
  const close = (next: number) => {
    if (chain.length === 0) return;
    const first = chain[0]!;
    const last = chain.at(-1)!;
    const anyOf = hasOr || ANY_AFTER.test(text.slice(last.offset + last.length, next)) || ANY_BEFORE.test(text.slice(0, first.offset));
    if (anyOf && chain.length > 1) groups.push({ terms: chain });
    else for (const term of chain) groups.push({ terms: [term] });
    chain = [];
    hasOr = false;
  };
  terms.forEach((term, i) => {
    const previous = terms[i - 1];
    if (previous) {
      const gap = text.slice(previous.offset + previous.length, term.offset).replace(/[\s()[\]]/g, '');
      if (OR_GAP.test(gap)) hasOr = true;
      else if (!LIST_GAP.test(gap)) close(term.offset);
    }
    chain.push(term);
  });
  close(text.length);
  return groups;
}
