import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProjectPage, type ProjectSource } from '../../src/load/loadProjects.js';
import { tailorPortfolio } from '../../src/tailor/tailorPortfolio.js';
import { tailorResume } from '../../src/tailor/tailorResume.js';
import type { Lang } from '../../src/validate/schema/primitives.js';
import { validateProjects } from '../../src/validate/validateProjects.js';

const dir = path.join(path.sep, 'nowhere', 'projects');

/** Pages parsed and validated from their text, in file-name order, as the loader hands them over. */
function pages(files: Record<string, string>) {
  const sources = Object.keys(files)
    .sort()
    .map((name) => parseProjectPage(path.join(dir, name), files[name]!).page as ProjectSource);
  return validateProjects(sources, { dataDir: path.dirname(dir), assetsRoot: path.dirname(dir), knownRoles: [], drawImages: false });
}

/** The master portfolio in `lang`: each project's id, title, facts and the file its body came from. */
function portfolio(files: Record<string, string>, lang: Lang) {
  const resume = tailorResume({ basics: { name: 'Minji' } }, undefined, { roleId: 'master', lang, creationDate: new Date(0) }).model;
  const { model, decisions } = tailorPortfolio(pages(files).pages, undefined, resume);
  return {
    projects: model.projects.map((p) => ({ id: p.id, title: p.title, file: path.basename(p.file), facts: p.facts.map((f) => f.value), stack: p.stack })),
    decisions,
  };
}

const KO_PAGE = '---\ntitle: 결제 시스템 개편\nperiod: 2022.01 – 2023.06\nstack: [Kotlin, Kafka]\norder: 2\n---\n\n## 개요\n\n결제 시스템을 나눴습니다.\n';
const EN_PAGE = '---\ntitle: Payments rebuild\n---\n\n## Overview\n\nSplit the payment system.\n';

describe('English project pages: language versions, a page lang, localised front matter', () => {
  it('picks payments.en.md for an English document, payments.md for a Korean one; the version takes what it leaves out from the base', () => {
    const files = { 'payments.md': KO_PAGE, 'payments.en.md': EN_PAGE, 'search.md': '---\norder: 1\n---\n\n검색\n' };
    const en = portfolio(files, 'en');
    expect(en.projects.map((p) => p.id)).toEqual(['search', 'payments']);
    expect(en.projects[1]).toMatchObject({ title: 'Payments rebuild', file: 'payments.en.md', stack: ['Kotlin', 'Kafka'] });
    expect(en.projects[1]!.facts).toContain('2022.01 – 2023.06');
    expect(en.decisions.find((d) => d.subject === 'payments')?.reason).toBe('payments.en.md, the version in en (of payments.en.md, payments.md)');
    const ko = portfolio(files, 'ko');
    expect(ko.projects[1]).toMatchObject({ title: '결제 시스템 개편', file: 'payments.md' });
    expect(ko.decisions.find((d) => d.subject === 'payments')?.reason).toMatch(/^payments\.md: no version in ko/);
  });

  it('a base page written in English (lang: en) with a Korean version beside it; a page only in English serves both', () => {
    const files = {
      'infra.md': '---\nlang: en\ntitle: Infra as code\n---\n\nTerraform.\n',
      'infra.ko.md': '---\ntitle: 코드로 관리하는 인프라\n---\n\n테라폼.\n',
      'ml.en.md': '# Ranking model\n\nA model.\n',
    };
    expect(portfolio(files, 'en').projects.map((p) => [p.id, p.title])).toEqual([
      ['infra', 'Infra as code'],
      ['ml', 'Ranking model'],
    ]);
    expect(portfolio(files, 'ko').projects.map((p) => [p.id, p.title])).toEqual([
      ['infra', '코드로 관리하는 인프라'],
      ['ml', 'Ranking model'],
    ]);
  });

  it('localised front matter: title {ko, en} and summary {ko, en} in one page', () => {
    const files = { 'chat.md': '---\ntitle: { ko: 채팅 서버, en: Chat server }\nrole: { ko: 리드, en: Lead }\n---\n\nbody\n' };
    expect(portfolio(files, 'en').projects[0]).toMatchObject({ title: 'Chat server', facts: ['Lead'] });
    expect(portfolio(files, 'ko').projects[0]).toMatchObject({ title: '채팅 서버', facts: ['리드'] });
  });

  it('two versions in one language are an error; a lang: that contradicts the file name is a warning at that line', () => {
    const twice = pages({ 'a.md': '---\nlang: en\n---\n\nx\n', 'a.en.md': 'y\n' }).problems;
    expect(twice.map((p) => [p.code, p.severity, p.message])).toContainEqual([
      'duplicate-project-id',
      'error',
      `the project id "a" in en is also used by ${path.join(dir, 'a.en.md')}`,
    ]);
    const contradicting = pages({ 'b.en.md': '---\ntitle: B\nlang: ko\n---\n\nx\n' }).problems.find((p) => p.code === 'page-lang');
    expect(contradicting).toMatchObject({ severity: 'warning', at: { line: 3 } });
    expect(contradicting?.hint).toBe('remove `lang:`, or rename the file to b.ko.md');
  });
});
