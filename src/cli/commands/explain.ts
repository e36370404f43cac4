import path from 'node:path';
import { roleArgument } from '../../load/roleFiles.js';
import { formatLocation, UserDataError } from '../../core/problems.js';
import { coverageLine } from '../../match/coverage.js';
import { matchRole } from '../../match/matchRole.js';
import { creationDate, sourceDateEpoch } from '../../pipeline/creationDate.js';
import { type Prepared, prepare, themeFor } from '../../pipeline/prepare.js';
import { choosePaper, paperName } from '../../tailor/paper.js';
import { describeLanguage, documentLanguage } from '../../tailor/documentLanguage.js';
import type { Decision, ResumeModel } from '../../tailor/model.js';
import { formatBytes, type Upload } from '../../validate/schema/upload.js';
import { roleFileName } from '../../write/fileName.js';
import type { DocumentKind } from '../../write/manifest.js';
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
  if (role?.blind) lines.push(blindLine(prepared, roleId));
  if (role?.upload) lines.push(uploadLine(role.upload, model, roleId, prepared.projects.length > 0, prepared.applications.has(roleId)));
  lines.push('', 'kept:');
  for (const section of model.sections)
    lines.push(
      `  ${section.key.padEnd(13)} ${section.entries.map((e) => `${e.id ?? e.title}${e.highlights.length ? ` (${e.highlights.length} highlights)` : ''}`).join(', ')}`,
    );
  for (const action of ['dropped', 'capped', 'moved', 'overridden'] as const) {
    const list = decisions.filter((d) => d.action === action);
    lines.push('', list.length === 0 ? `${action}: nothing` : `${action}:`);
    for (const d of list) lines.push(`  ${d.section.padEnd(13)} ${d.subject} — ${d.reason}`);
  }
  lines.push('', ...portfolioLines(prepared.projects, role, model));
  if (role?.posting) lines.push('', postingLine(prepared, roleId, flags.lang));
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** What blind hiring leaves out, and how many shown texts still name what it forbids (check prints each). */
function blindLine(prepared: Prepared, roleId: string): string {
  const file = prepared.folder.roles.get(roleId)?.file;
  const named = prepared.warnings.filter((p) => p.code === 'blind' && p.message.includes(`${file} says blind`)).length;
  return `blind: true (블라인드 채용) — left out of every document: the photo, the location, school names; ${
    named === 0
      ? 'no shown text names a school, birth date, hometown or family'
      : `${named} shown text${named === 1 ? ' still names' : 's still name'} one (careerpdf check --role ${roleId} lists them)`
  }`;
}

/** The form's file rules: the size limit and the file names the build writes. */
function uploadLine(upload: Upload, model: ResumeModel, roleId: string, portfolio: boolean, answers: boolean): string {
  const naming = { name: model.person.name, company: model.target?.company, position: model.target?.position, lang: model.lang };
  const kinds: [DocumentKind, string][] = [['resume', 'pdf']];
  if (portfolio) kinds.push(['portfolio', 'pdf']);
  if (answers) kinds.push(['answers', 'pdf'], ['answers-text', 'txt']);
  const names = upload.fileName
    ? `files named ${kinds.map(([kind, ext]) => roleFileName(naming, kind, ext, roleId, upload)).join(', ')}`
    : "file names careerpdf's own";
  const size =
    upload.maxBytes === undefined
      ? 'no size limit'
      : `each file at most ${formatBytes(upload.maxBytes)} (${upload.maxBytes < 1e3 ? '' : `${upload.maxBytes.toLocaleString('en-US')} bytes; `}the build fails over it)`;
  return `upload: ${size}; ${names}`;
}

/** The posting's coverage, as `match` counts it; a posting that cannot be read is said in one line (match says more). */
function postingLine(prepared: Prepared, roleId: string, lang: Lang | undefined): string {
  try {
    const match = matchRole(prepared, roleId, { lang, now: sourceDateEpoch() ?? new Date() });
    return `posting ${match.posting.name}: ${coverageLine(match.result.coverage)} (careerpdf match --role ${roleId} for each requirement)`;
  } catch (err) {
    if (!(err instanceof UserDataError)) throw err;
    return `posting: ${err.problems.map((p) => `${formatLocation(p.at)} ${p.message}`.trim()).join('; ')}`;
  }
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
