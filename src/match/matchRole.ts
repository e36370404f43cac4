import { UserDataError, type Problem } from '../core/problems.js';
import type { Prepared } from '../pipeline/prepare.js';
import { MASTER } from '../load/roleFiles.js';
import type { Lang } from '../validate/schema/primitives.js';
import { type AliasTable, loadAliases } from './aliases.js';
import { matchPosting, type MatchResult } from './coverage.js';
import { tailoredTexts } from './documentTexts.js';
import { experienceOf } from './experience.js';
import { parsePosting, type Posting } from './parsePosting.js';
import { postingSource, type PostingSource } from './postingSource.js';

export interface RoleMatch {
  roleId: string;
  posting: PostingSource;
  parsed: Posting;
  result: MatchResult;
  /** Problems of the alias files (warnings: the shipped table still matches). */
  problems: Problem[];
}

export interface MatchOptions {
  /** --posting: a file instead of the role's `posting:`. */
  postingFile?: string;
  lang?: Lang;
  /** "Today", for work that has not ended (the years of experience). */
  now: Date;
  aliases?: AliasTable;
}

/**
 * The role's posting against its tailored documents: the resume, portfolio and answers a build
 * would make, read as models (nothing is composed or rendered). Throws UserDataError when the
 * posting cannot be read or holds nothing recognisable.
 */
export function matchRole(prepared: Prepared, roleId: string, options: MatchOptions): RoleMatch {
  const role = roleId === MASTER ? undefined : prepared.roles.get(roleId);
  const roleSource = prepared.folder.roles.get(roleId);
  const posting = postingSource({ file: options.postingFile, dataDir: prepared.folder.dir, roleId, posting: role?.posting, roleSource });
  const problems: Problem[] = [];
  const aliases = options.aliases ?? loadAliases(prepared.folder.dir, problems);
  const parsed = readPosting(posting, aliases);
  const texts = tailoredTexts({
    roleId,
    resume: prepared.resume,
    resumeSource: prepared.folder.resume!,
    role,
    roleSource,
    projects: prepared.projects,
    application: prepared.applications.get(roleId),
    lang: options.lang,
  });
  return { roleId, posting, parsed, result: matchPosting(parsed, texts, experienceOf(prepared.resume, options.now)), problems };
}

/** The posting's requirements; throws UserDataError when it has nothing recognisable. */
export function readPosting(posting: PostingSource, aliases: AliasTable): Posting {
  const parsed = parsePosting(posting.text, aliases);
  const nothing = nothingRecognisable(parsed, posting);
  if (nothing) throw new UserDataError([nothing]);
  return parsed;
}

/** A posting with no section heading, or sections with no term in them: said, with what a posting looks like. */
function nothingRecognisable(parsed: Posting, posting: PostingSource): Problem | undefined {
  const at = posting.at(1);
  const sections = parsed.headings.filter((h) => h.section !== 'other');
  if (sections.length === 0)
    return {
      severity: 'error',
      code: 'posting-no-sections',
      at,
      message: 'no requirement section found in the posting: none of its lines is a heading such as 자격요건, 우대사항, 주요 업무, Requirements or Preferred',
      hint: 'paste the posting with its section headings, each on its own line (자격요건 / 필수 / 지원자격 / Requirements / Qualifications; 우대사항 / Preferred / Nice to have), one requirement per line under them',
    };
  if (!parsed.requirements.some((r) => r.groups.length > 0 || r.years))
    return {
      severity: 'error',
      code: 'posting-no-terms',
      at: posting.at(sections[0]!.line),
      message: `the posting's sections (${sections.map((h) => h.text).join(', ')}) name no skill, tool or years of experience that careerpdf recognises`,
      hint: 'put each requirement on its own line under its heading; add names careerpdf does not know to <data>/aliases.yaml',
    };
  return undefined;
}
