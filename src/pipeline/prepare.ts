import path from 'node:path';
import { UsageError, UserDataError, failOnErrors, type Problem } from '../core/problems.js';
import { displayPath } from '../core/paths.js';
import { loadDataFolder, loadYamlFile, type DataFolder } from '../load/loadDataFolder.js';
import { MASTER, unknownRoleHint } from '../load/roleFiles.js';
import { textStack, type FontFamilyName } from '../core/fonts.js';
import { loadProjects, type ProjectSource } from '../load/loadProjects.js';
import type { YamlSource } from '../load/parseYaml.js';
import { checkGlyphs, drawnTexts } from '../validate/checkGlyphs.js';
import { checkUnbrokenRuns } from '../validate/checkUnbrokenRuns.js';
import { findTheme, themeChoice } from '../load/loadTheme.js';
import type { ResolvedApplication } from '../tailor/resolveAnswers.js';
import type { Photo } from '../validate/checkPhoto.js';
import { tailoredTexts } from '../match/documentTexts.js';
import { checkBlind } from '../validate/checkBlind.js';
import { validateData } from '../validate/validateData.js';
import { checkLanguage, type LanguageCheck } from '../validate/checkLanguage.js';
import { documentLanguage } from '../tailor/documentLanguage.js';
import { tailorResume } from '../tailor/tailorResume.js';
import { walkStrings } from '../core/walkStrings.js';
import type { Lang } from '../core/langs.js';
import { checkPortfolioPicks, validateProjects, type ProjectPage } from '../validate/validateProjects.js';
import { validateWithSchema } from '../validate/validateWithSchema.js';
import { themeSchema, type Theme } from '../validate/schema/theme.js';
import type { Resume } from '../validate/schema/resume.js';
import type { Role } from '../validate/schema/role.js';
import { prepareApplications } from './applications.js';

/** Re-exported for the pipeline's modules; the rule for role ids lives with the role files. */
export { MASTER };

export interface PrepareOptions {
  dataDir: string;
  /** Role ids to build; `master` for the untailored resume. */
  roles: string[];
  /** Theme name or folder; overrides the role's. */
  theme?: string;
  strict?: boolean;
  /** Where site-root image paths (`/static/…`) of project pages resolve; default: the data folder. */
  assetsDir?: string;
  /** false: images are checked from their bytes' structure only, no drawable copy is decoded (`check` renders nothing). */
  drawImages?: boolean;
  /** false: nothing will be drawn, so the themes, glyph coverage and unbroken runs are not checked (`match` reads the models only). */
  checkDrawing?: boolean;
  /** The documents' language for every role (`--lang`); else each role's (tailor/documentLanguage). */
  lang?: Lang;
  /** false: the caller shows no warnings (`match`), so the checks that can only warn — language, blind, answer limits — are not run. */
  warnings?: boolean;
}

export interface Prepared {
  folder: DataFolder;
  resume: Resume;
  /** The resume's photo, checked (basics.image); none when absent or unusable. */
  photo?: Photo;
  roles: Map<string, Role>;
  themes: Map<string, Theme>;
  /** The portfolio pages (data/projects/*.md), validated, with their images resolved. */
  projects: ProjectPage[];
  /** Role id → its application answers, resolved and counted. */
  applications: Map<string, ResolvedApplication>;
  /** Warnings that did not stop the build. */
  warnings: Problem[];
}

/** load + validate for a set of roles: throws UserDataError with every problem, or returns valid data. */
export function prepare(options: PrepareOptions): Prepared {
  const dataDir = path.resolve(options.dataDir);
  const folder = loadDataFolder(dataDir);
  const unknown = options.roles.filter((id) => id !== MASTER && !folder.roles.has(id));
  if (unknown.length > 0 && folder.problems.length === 0) {
    const known = [...folder.roles.keys()];
    throw new UserDataError(
      unknown.map((id) => ({
        severity: 'error' as const,
        code: 'unknown-role',
        message: `no role "${id}" in ${displayPath(path.join(dataDir, 'roles'))}/`,
        hint: unknownRoleHint(id, known) ?? `create ${displayPath(path.join(dataDir, 'roles', `${id}.yaml`))}`,
      })),
    );
  }
  const valid = validateData(
    folder,
    options.roles.filter((id) => id !== MASTER),
    options.drawImages,
  );
  const problems = [...valid.problems];
  const projects = prepareProjects(folder, valid.roles, options, problems);
  const warnings = options.warnings !== false;
  const answers = prepareApplications(dataDir, valid.roles, folder.roles, { checkLimits: warnings });
  problems.push(...answers.problems);
  if (warnings && valid.resume && folder.resume) problems.push(...blindProblems(valid.resume, folder, valid.roles, projects.pages, answers.applications));
  const themes = options.checkDrawing === false ? new Map<string, Theme>() : prepareThemes(folder, options, valid.roles, problems);
  if (options.checkDrawing !== false) {
    const drawn = drawnTexts({ yaml: drawnSources(folder, options.roles, answers.applications), pages: projects.sources }, textStacksOf(themes));
    problems.push(...checkGlyphs(drawn), ...checkUnbrokenRuns(drawn));
  }
  if (warnings && valid.resume) problems.push(...checkLanguage(languageChecks(folder, valid.resume, valid.roles, answers.applications, options)));
  failOnErrors(problems, options.strict);
  return {
    folder,
    resume: valid.resume!,
    photo: valid.photo,
    roles: valid.roles,
    themes,
    projects: projects.pages,
    applications: answers.applications,
    warnings: problems,
  };
}

/**
 * Finds, loads and validates the themes the roles use, by name (see themeChoice). An unknown
 * --theme is a usage error; an unknown `theme:` in a role file is a problem at that line, and
 * the other checks go on.
 */
function prepareThemes(folder: DataFolder, options: PrepareOptions, roles: Map<string, Role>, problems: Problem[]): Map<string, Theme> {
  const themes = new Map<string, Theme>();
  for (const id of options.roles) {
    const choice = themeChoice(options.theme, roles.get(id)?.theme, folder.dir);
    if (themes.has(choice.name)) continue;
    const found = findTheme(choice);
    if (!found.ok) {
      if (choice.fromOption) throw new UsageError(found.message, found.hint);
      problems.push({
        severity: 'error',
        code: 'unknown-theme',
        at: folder.roles.get(id)!.locate(['theme']),
        path: 'theme',
        message: found.message,
        hint: found.hint,
      });
      continue;
    }
    const source = loadYamlFile(found.file, problems);
    const checked = source && validateWithSchema(source, themeSchema);
    if (checked) problems.push(...checked.problems);
    if (checked?.value) themes.set(choice.name, checked.value);
  }
  return themes;
}

/** For each role with `blind: true`: what its documents show that names a school, a birth date, a hometown or family. */
function blindProblems(
  resume: Resume,
  folder: DataFolder,
  roles: ReadonlyMap<string, Role>,
  projects: readonly ProjectPage[],
  applications: ReadonlyMap<string, ResolvedApplication>,
): Problem[] {
  return [...roles]
    .filter(([, role]) => role.blind)
    .flatMap(([roleId, role]) => {
      const roleSource = folder.roles.get(roleId)!;
      const texts = tailoredTexts({ roleId, resume, resumeSource: folder.resume!, role, roleSource, projects, application: applications.get(roleId) });
      return checkBlind(texts.shown, resume, roleSource.file);
    });
}

/** Loads and validates the portfolio pages, and the roles' picks of them; problems join the run's. */
function prepareProjects(
  folder: DataFolder,
  roles: Map<string, Role>,
  options: PrepareOptions,
  problems: Problem[],
): { pages: ProjectPage[]; sources: ProjectSource[] } {
  const loaded = loadProjects(folder.dir);
  const checked = validateProjects(loaded.pages, {
    dataDir: folder.dir,
    assetsRoot: path.resolve(options.assetsDir ?? folder.dir),
    knownRoles: [...folder.roles.keys()],
    drawImages: options.drawImages,
  });
  problems.push(...loaded.problems, ...checked.problems);
  for (const [id, role] of roles) problems.push(...checkPortfolioPicks(role, folder.roles.get(id)!, checked.pages));
  return { pages: checked.pages, sources: loaded.pages };
}

/** The YAML files whose text the run draws: the resume, the roles built, the answer blocks they use. */
function drawnSources(folder: DataFolder, roleIds: readonly string[], applications: ReadonlyMap<string, ResolvedApplication>): YamlSource[] {
  const roles = roleIds.map((id) => folder.roles.get(id)).filter((source): source is YamlSource => source !== undefined);
  const blocks = [...applications.values()]
    .flatMap((a) => a.questions.flatMap((q) => q.answer.pieces.map((p) => p.origin.source)))
    .filter((source) => !roles.includes(source));
  return [...new Set([...(folder.resume ? [folder.resume] : []), ...roles, ...blocks])];
}

/**
 * For each role built, its documents' language and what they print: the tailored resume and the
 * answers, to find the text that has no version in that language (validate/checkLanguage).
 */
function languageChecks(
  folder: DataFolder,
  resume: Resume,
  roles: ReadonlyMap<string, Role>,
  applications: ReadonlyMap<string, ResolvedApplication>,
  options: PrepareOptions,
): LanguageCheck[] {
  // A role whose file is invalid is not tailored: its problems are reported already.
  const built = options.roles.filter((id) => id === MASTER || roles.has(id));
  return built.map((roleId) => {
    const role = roles.get(roleId);
    const { lang } = documentLanguage(resume, role, options.lang);
    const drawn: string[] = [];
    walkStrings(tailorResume(resume, role, { roleId, lang, creationDate: new Date(0) }).model, (_path, text) => drawn.push(text));
    const application = applications.get(roleId);
    if (application) drawn.push(application.company, application.position, ...application.questions.flatMap((q) => [q.question, q.answer.text]));
    const sources = drawnSources(folder, [roleId], application ? new Map([[roleId, application]]) : new Map());
    return { roleId, lang, drawn, sources };
  });
}

/** Text is drawn in each theme's body and heading stacks; without a valid theme, the default family's. */
function textStacksOf(themes: ReadonlyMap<string, Theme>): FontFamilyName[][] {
  const families = new Set<FontFamilyName>([...themes.values()].flatMap((t) => [t.fonts.body, t.fonts.heading]));
  return [...(families.size > 0 ? families : new Set<FontFamilyName>(['Pretendard']))].map((family) => textStack(family));
}

export const themeFor = (prepared: Prepared, roleId: string, override?: string): Theme =>
  prepared.themes.get(themeChoice(override, prepared.roles.get(roleId)?.theme, prepared.folder.dir).name)!;
