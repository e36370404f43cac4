import type { Root } from 'mdast';
import type { Lang } from '../validate/schema/primitives.js';
import type { Role } from '../validate/schema/role.js';
import type { ImageResolution } from '../validate/resolveImage.js';
import type { ProjectPage } from '../validate/validateProjects.js';
import { DOCUMENT_NAMES, localize } from './i18n.js';
import { pageVersions } from './pageVersions.js';
import type { Decision, DocumentMeta, PersonModel, ResumeModel } from './model.js';

/** The resolved portfolio a theme draws: the role's pages, in order, in one language. */
export interface PortfolioModel {
  lang: Lang;
  roleId: string;
  target?: { company: string; position: string };
  person: PersonModel;
  projects: ProjectModel[];
  labels: PortfolioLabels;
  meta: DocumentMeta;
}

export interface ProjectModel {
  id: string;
  /** The link target of the table of contents (ASCII: PDF destination names). */
  anchor: string;
  /** 1-based position in this portfolio. */
  number: number;
  title: string;
  summary?: string;
  /** Period, organization, role and stack, labelled, in that order; absent facts are left out. */
  facts: { label: string; value: string }[];
  tags: string[];
  stack: string[];
  cover?: { url: string; image: ImageResolution };
  body: Root;
  images: Map<string, ImageResolution>;
  file: string;
}

export interface PortfolioLabels {
  document: string;
  contents: string;
  project: string;
  footnotes: string;
  missingImage: string;
  remoteImage: string;
  refusedImage: string;
  unsupportedImage: string;
  damagedImage: string;
  unreadableImage: string;
  applyingFor: string;
  period: string;
  organization: string;
  role: string;
  stack: string;
}

export const PORTFOLIO_LABELS: Record<Lang, PortfolioLabels> = {
  ko: {
    document: DOCUMENT_NAMES.portfolio.ko,
    contents: '목차',
    project: '프로젝트',
    footnotes: '주석',
    period: '기간',
    organization: '소속',
    role: '역할',
    stack: '기술 스택',
    missingImage: '이미지 파일 없음',
    remoteImage: '원격 이미지 (가져오지 않음)',
    refusedImage: '데이터 폴더 밖의 이미지 (읽지 않음)',
    unsupportedImage: '지원하지 않는 이미지 형식',
    damagedImage: '손상된 이미지 (읽을 수 없음)',
    unreadableImage: '이미지 파일을 읽을 수 없음',
    applyingFor: '지원 분야',
  },
  en: {
    document: DOCUMENT_NAMES.portfolio.en,
    contents: 'Contents',
    project: 'Project',
    footnotes: 'Notes',
    period: 'Period',
    organization: 'Organization',
    role: 'Role',
    stack: 'Stack',
    missingImage: 'Image file missing',
    remoteImage: 'Remote image (not fetched)',
    refusedImage: 'Image outside the data folder (not read)',
    unsupportedImage: 'Unsupported image format',
    damagedImage: 'Damaged image (could not be read)',
    unreadableImage: 'Image file could not be read',
    applyingFor: 'Applying for',
  },
};

/**
 * The tailoring step for the portfolio: pages + role → the projects to show, in order, and the
 * decisions that got there. Each page is taken in the document's language (see pageVersions). The master takes every page; a role takes its `portfolio.projects`
 * (in that order), then pages with one of its `portfolio.tags`; without a `portfolio` key, every
 * page meant for it (front matter `roles:`). Pure.
 */
export function tailorPortfolio(
  allVersions: readonly ProjectPage[],
  role: Role | undefined,
  resume: ResumeModel,
): { model: PortfolioModel; decisions: Decision[] } {
  const { lang, roleId } = resume;
  const { pages, decisions } = pageVersions(allVersions, lang);
  const decide = (page: ProjectPage, action: Decision['action'], reason: string) => decisions.push({ section: 'portfolio', subject: page.id, action, reason });
  // `order` first (pages without one last), then file-name order: sort is stable.
  const rank = (page: ProjectPage) => page.order ?? Number.MAX_VALUE;
  const byDefault = [...pages].sort((a, b) => rank(a) - rank(b));

  let chosen: ProjectPage[];
  if (!role) {
    chosen = byDefault;
  } else {
    const meantFor = (page: ProjectPage) => !page.facts.roles || page.facts.roles.includes(roleId);
    const picks = role.portfolio?.projects ?? [];
    const tags = role.portfolio?.tags ?? [];
    const picked = picks.map((id) => pages.find((p) => p.id === id)).filter((p): p is ProjectPage => p !== undefined);
    const tagged = byDefault.filter((p) => !picked.includes(p) && meantFor(p) && p.facts.tags?.some((t) => tags.includes(t)));
    chosen = role.portfolio ? [...picked, ...tagged] : byDefault.filter(meantFor);
    for (const page of byDefault) {
      if (chosen.includes(page)) continue;
      if (!meantFor(page) && !picked.includes(page)) decide(page, 'dropped', `the page is for roles ${page.facts.roles!.join(', ')} only`);
      else decide(page, 'dropped', tags.length > 0 ? 'not in portfolio.projects and no tag in portfolio.tags' : "not in the role's portfolio.projects");
    }
    chosen.forEach((page, i) => {
      const from = byDefault.indexOf(page);
      if (from !== i)
        decide(
          page,
          'moved',
          `position ${from + 1} → ${i + 1} (${picked.includes(page) ? 'portfolio.projects orders it' : `tag ${page.facts.tags!.find((t) => tags.includes(t))} in portfolio.tags`})`,
        );
    });
  }

  const labels = PORTFOLIO_LABELS[lang];
  // One line each: a YAML block scalar (`summary: |`) ends in "\n", which a PDF Text must not get.
  const t = (value: Parameters<typeof localize>[0]) =>
    localize(value, lang)
      ?.replace(/\s*\n\s*/g, ' ')
      .trim();
  const projects = chosen.map((page, i): ProjectModel => {
    const facts = [
      { label: labels.period, value: t(page.facts.period) },
      { label: labels.organization, value: t(page.facts.organization) },
      { label: labels.role, value: t(page.facts.role) },
      { label: labels.stack, value: page.facts.stack?.join(', ') },
    ].filter((f): f is { label: string; value: string } => Boolean(f.value));
    const cover = page.facts.cover ? { url: page.facts.cover, image: page.images.get(page.facts.cover)! } : undefined;
    return {
      id: page.id,
      anchor: `project-${i + 1}`,
      number: i + 1,
      title: t(page.title) ?? page.id,
      summary: t(page.facts.summary),
      facts,
      tags: page.facts.tags ?? [],
      stack: page.facts.stack ?? [],
      cover,
      body: page.body,
      images: page.images,
      file: page.file,
    };
  });

  const documentName = labels.document;
  const name = resume.person.name;
  const model: PortfolioModel = {
    lang,
    roleId,
    target: resume.target,
    person: resume.person,
    projects,
    labels,
    meta: {
      ...resume.meta,
      title: [name, resume.target?.position, documentName].filter(Boolean).join(' — '),
      subject: resume.target ? `${resume.target.company} ${resume.target.position} ${documentName}` : documentName,
      keywords: [...new Set(projects.flatMap((p) => [...p.tags, ...p.stack]))],
    },
  };
  return { model, decisions };
}
