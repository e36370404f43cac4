import path from 'node:path';
import { formatLocation } from '../../core/problems.js';
import { roleArgument } from '../../load/roleFiles.js';
import { coverageLine, type RequirementResult, type TermResult } from '../../match/coverage.js';
import { matchRole, type RoleMatch } from '../../match/matchRole.js';
import { sourceDateEpoch } from '../../pipeline/creationDate.js';
import { prepare } from '../../pipeline/prepare.js';
import type { Lang } from '../../validate/schema/primitives.js';
import { formatProblems } from '../formatProblems.js';

export interface MatchFlags {
  role: string;
  data: string;
  posting?: string;
  json?: boolean;
  lang?: Lang;
}

/**
 * `careerpdf match --role <id> [--posting <file>] [--json]`: per requirement of the posting,
 * covered or missing, and for each term where the role's documents show it — or where the master
 * data has it and which rule left it out. Renders nothing.
 */
export async function matchCommand(flags: MatchFlags): Promise<void> {
  const roleId = roleArgument(path.resolve(flags.data), flags.role);
  const prepared = prepare({ dataDir: flags.data, roles: [roleId], drawImages: false, checkDrawing: false, warnings: false, lang: flags.lang });
  const match = matchRole(prepared, roleId, { postingFile: flags.posting, lang: flags.lang, now: sourceDateEpoch() ?? new Date() });
  if (match.problems.length > 0) process.stderr.write(`${formatProblems(match.problems)}\n`);
  process.stdout.write(flags.json ? `${JSON.stringify(matchJson(match), null, 2)}\n` : `${matchLines(match).join('\n')}\n`);
}

const MARK: Record<RequirementResult['status'], string> = { covered: '✓', partly: '◐', missing: '✗', open: '?', 'no-terms': '·' };

export function matchLines(match: RoleMatch): string[] {
  const { result, posting } = match;
  const lines = [`${match.roleId} vs ${posting.name}`, coverageLine(result.coverage)];
  for (const section of ['required', 'preferred', 'duties'] as const) {
    const list = result.requirements.filter((r) => r.requirement.section === section);
    if (list.length === 0) continue;
    // The section as the posting heads it: `required (지원 자격)`, `preferred (Nice to have)`.
    const heading = match.parsed.headings.find((h) => h.section === section)?.text.replace(/^[#\s*[\]【】]+|[*\]】:：\s]+$/g, '');
    lines.push('', heading ? `${section} (${heading})` : section);
    for (const r of list) {
      lines.push(`  ${MARK[r.status]} ${formatLocation(posting.at(r.requirement.line))}  ${r.requirement.text}`);
      if (r.years) lines.push(`      ${yearsLine(r.years)}`);
      for (const group of r.groups) {
        if (group.terms.length === 1) lines.push(`      ${termLine(group.terms[0]!)}`);
        else lines.push(`      one of ${group.terms.map((t) => t.term.shown).join(' / ')}:`, ...group.terms.map((t) => `        ${termLine(t)}`));
      }
    }
  }
  return lines;
}

function termLine(t: TermResult): string {
  if (t.shown) return `${t.term.shown} — ${t.shown.document} ${t.shown.label}  ${formatLocation(t.shown.at)}`;
  if (t.leftOut) return `${t.term.shown} — missing; the master data has it at ${formatLocation(t.leftOut.at)} (${t.leftOut.label}): ${t.leftOut.droppedBy}`;
  return `${t.term.shown} — missing; nowhere in the data`;
}

function yearsLine(y: NonNullable<RequirementResult['years']>): string {
  const undated = y.undated.length > 0 ? `; undated work entries (placeholder or no start date): ${y.undated.join(', ')}` : '';
  const verdict = y.covered === true ? 'covered' : y.covered === false ? 'missing' : 'cannot tell';
  const shown = y.has === 0 && y.undated.length > 0 ? 'no work entry has dates yet' : `the work dates show ${y.has} years`;
  return `${y.written}: ${verdict} — ${shown}${undated}`;
}

/** The result for scripts: every location as `file:line:col`. */
export function matchJson(match: RoleMatch) {
  const place = (p: { document: string; label: string; written: string; at: Parameters<typeof formatLocation>[0] }) => ({
    document: p.document,
    label: p.label,
    written: p.written,
    at: formatLocation(p.at),
  });
  return {
    role: match.roleId,
    posting: match.posting.name,
    coverage: match.result.coverage,
    requirements: match.result.requirements.map((r) => ({
      section: r.requirement.section,
      at: formatLocation(match.posting.at(r.requirement.line)),
      text: r.requirement.text,
      status: r.status,
      years: r.years,
      groups: r.groups.map((g) => ({
        covered: g.covered,
        terms: g.terms.map((t) => ({
          term: t.term.shown,
          shown: t.shown && place(t.shown),
          leftOut: t.leftOut && { ...place(t.leftOut), droppedBy: t.leftOut.droppedBy },
        })),
      })),
    })),
  };
}
