import type { SourceLocation } from '../core/problems.js';
import type { DocumentKind, LeftOutText, RoleTexts } from './documentTexts.js';
import type { Experience } from './experience.js';
import { findTerm } from './findTerm.js';
import type { Posting, Requirement, SectionKind } from './parsePosting.js';
import type { Term } from './terms.js';

/** Where a term is written: the document text and the position of the name found in it. */
export interface TermPlace {
  document: DocumentKind;
  label: string;
  /** The name as found (`Kubernetes` for the posting's `쿠버네티스`). */
  written: string;
  at: SourceLocation;
}

export interface TermResult {
  term: Term;
  /** The first place the role's documents show it (resume, then portfolio, then answers). */
  shown?: TermPlace;
  /** Not shown: where the master data has it, and the rule that left it out. */
  leftOut?: TermPlace & { droppedBy: string };
}

export interface GroupResult {
  terms: TermResult[];
  /** Any one of its terms shown. */
  covered: boolean;
}

export interface YearsResult {
  asked: number;
  written: string;
  /** The years the work dates show; with undated entries, at least that many. */
  has: number;
  undated: string[];
  /** true / false, or undefined when undated entries leave it open. */
  covered?: boolean;
}

export interface RequirementResult {
  requirement: Requirement;
  groups: GroupResult[];
  years?: YearsResult;
  /** covered: every part shown; partly: some; missing: none; open: nothing to check but the years, which the dates cannot tell. */
  status: 'covered' | 'partly' | 'missing' | 'open' | 'no-terms';
}

export interface Coverage {
  covered: number;
  total: number;
}

export interface MatchResult {
  requirements: RequirementResult[];
  /** Parts (term groups and years) of the required and of the preferred requirements that the documents show. */
  coverage: Record<'required' | 'preferred', Coverage>;
}

function placeOf(term: Term, texts: readonly { document: DocumentKind; label: string; text: string; locate: (o: number, l: number) => SourceLocation }[]) {
  for (const text of texts) {
    const found = findTerm(text.text, term.names);
    if (found) return { text, found };
  }
  return undefined;
}

/** The posting's requirements against what the role's documents show (and what the master data has), term by term. */
export function matchPosting(posting: Posting, texts: RoleTexts, experience: Experience): MatchResult {
  const coverage = { required: { covered: 0, total: 0 }, preferred: { covered: 0, total: 0 } };
  const requirements = posting.requirements.map((requirement): RequirementResult => {
    const groups = requirement.groups.map((group): GroupResult => {
      const terms = group.terms.map((term): TermResult => {
        const shown = placeOf(term, texts.shown);
        if (shown) return { term, shown: place(shown.text, shown.found) };
        const left = placeOf(term, texts.leftOut);
        return left ? { term, leftOut: { ...place(left.text, left.found), droppedBy: (left.text as LeftOutText).droppedBy } } : { term };
      });
      return { terms, covered: terms.some((t) => t.shown) };
    });
    const years = requirement.years && yearsResult(requirement.years, experience);
    const parts = [...groups.map((g) => g.covered), ...(years && years.covered !== undefined ? [years.covered] : [])];
    const status: RequirementResult['status'] =
      parts.length === 0 ? (years ? 'open' : 'no-terms') : parts.every(Boolean) ? 'covered' : parts.some(Boolean) ? 'partly' : 'missing';
    if (isCounted(requirement.section)) {
      coverage[requirement.section].total += parts.length;
      coverage[requirement.section].covered += parts.filter(Boolean).length;
    }
    return { requirement, groups, years, status };
  });
  return { requirements, coverage };
}

const isCounted = (section: SectionKind): section is 'required' | 'preferred' => section === 'required' || section === 'preferred';

const place = (
  text: { document: DocumentKind; label: string; text: string; locate: (o: number, l: number) => SourceLocation },
  found: { offset: number; length: number },
): TermPlace => ({
  document: text.document,
  label: text.label,
  written: text.text.slice(found.offset, found.offset + found.length),
  at: text.locate(found.offset, found.length),
});

function yearsResult(asked: { years: number; written: string }, experience: Experience): YearsResult {
  const enough = experience.years >= asked.years;
  return {
    asked: asked.years,
    written: asked.written,
    has: experience.years,
    undated: experience.undated,
    covered: enough ? true : experience.undated.length > 0 ? undefined : false,
  };
}

/** `required 7/9 (78%)`. */
export const formatCoverage = (c: Coverage): string => (c.total === 0 ? '—' : `${c.covered}/${c.total} (${Math.round((c.covered / c.total) * 100)}%)`);

/** `coverage: required 7/9 (78%) · preferred 2/4 (50%)` — match's second line, and explain's. */
export const coverageLine = (coverage: Record<'required' | 'preferred', Coverage>): string =>
  `coverage: required ${formatCoverage(coverage.required)} · preferred ${formatCoverage(coverage.preferred)}`;
