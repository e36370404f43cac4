import path from 'node:path';
import { roleArgument } from '../../load/roleFiles.js';
import { creationDate } from '../../pipeline/creationDate.js';
import { prepare, themeFor } from '../../pipeline/prepare.js';
import { choosePaper, paperName } from '../../tailor/paper.js';
import type { Decision } from '../../tailor/model.js';
import { describeLanguage, documentLanguage } from '../../tailor/documentLanguage.js';
import { tailorPortfolio } from '../../tailor/tailorPortfolio.js';
import { tailorResume } from '../../tailor/tailorResume.js';
import type { Lang } from '../../validate/schema/primitives.js';

/** `careerpdf explain --role <id>`: what the role kept, dropped, moved and overrode, and why. */
export async function explainCommand(flags: { role: string; data: string; lang?: Lang }): Promise<void> {
  const roleId = roleArgument(path.resolve(flags.data), flags.role);
  const prepared = prepare({ dataDir: flags.data, roles: [roleId] });
  const role = prepared.roles.get(roleId);
  const { model, decisions } = tailorResume(prepared.resume, role, {
    roleId,
    lang: flags.lang,
    photo: prepared.photo,
    creationDate: creationDate(prepared.resume),
  });
  const paper = choosePaper(themeFor(prepared, roleId), prepared.resume, role, flags.lang);
  const language = describeLanguage(documentLanguage(prepared.resume, role, flags.lang), prepared.folder.roles.get(roleId));
  const lines = [
    `role ${roleId}${model.target ? `: ${model.target.position} at ${model.target.company}` : ''}`,
    `language: ${language}`,
    `paper: ${paperName(paper.size)} (${paper.reason})`,
  ];
  if (role?.focus?.tags.length) lines.push(`focus tags (most important first): ${role.focus.tags.join(', ')} — mode ${role.focus.mode}`);
  lines.push('', 'kept:');
  for (const section of model.sections)
    lines.push(
      `  ${section.key.padEnd(13)} ${section.entries.map((e) => `${e.id ?? e.title}${e.highlights.length ? ` (${e.highlights.length} highlights)` : ''}`).join(', ')}`,
    );
  for (const action of ['dropped', 'capped', 'moved', 'overridden'] as const) {
    const list = decisions.filter((d) => d.action === action);
    lines.push('', `${action}: ${list.length === 0 ? 'nothing' : ''}`);
    for (const d of list) lines.push(`  ${d.section.padEnd(13)} ${d.subject} — ${d.reason}`);
  }
  lines.push('', ...portfolioLines(prepared.projects, role, model));
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** The portfolio part: the pages shown in order, and every page dropped or moved, with why. */
function portfolioLines(
  pages: Parameters<typeof tailorPortfolio>[0],
  role: Parameters<typeof tailorPortfolio>[1],
  resume: Parameters<typeof tailorPortfolio>[2],
): string[] {
  if (pages.length === 0) return ['portfolio: no pages in projects/'];
  const { model, decisions } = tailorPortfolio(pages, role, resume);
  const picks = role?.portfolio
    ? ` (portfolio.projects: ${role.portfolio.projects?.join(', ') || '—'}; portfolio.tags: ${role.portfolio.tags?.join(', ') || '—'})`
    : role
      ? ' (no portfolio key: every page meant for the role)'
      : ' (master: every page)';
  const lines = [`portfolio${picks}:`, ...model.projects.map((p) => `  ${String(p.number).padStart(2)}. ${p.id} — ${p.title}`)];
  const labels = { kept: 'language versions', dropped: 'dropped', moved: 'moved' } as const;
  for (const action of ['kept', 'dropped', 'moved'] as const) {
    const list = decisions.filter((d) => d.action === action);
    if (list.length > 0) lines.push(`  ${labels[action]}:`, ...list.map((d) => `    ${d.subject} — ${d.reason}`));
  }
  return lines;
}

export type { Decision };
