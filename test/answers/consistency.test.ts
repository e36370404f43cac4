import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/load/parseYaml.js';
import { checkData } from '../../src/pipeline/check.js';
import { checkConsistency } from '../../src/validate/checkConsistency.js';
import { markdownTexts, yamlTexts } from '../../src/validate/claimTexts.js';
import { parseProjectPage } from '../../src/load/loadProjects.js';

/** Every string of a small YAML document, as claim texts located in a file named `file`. */
const claims = (yaml: string, file = 'a.yaml') => yamlTexts(parseYaml(file, yaml).source, file);
const found = (...yamls: string[]) => checkConsistency(yamls.flatMap((y, i) => claims(y, `${'abcdefg'[i]}.yaml`)));

/** 1-based line and column of the first `needle` after `after` in a file. */
function position(file: string, after: string, needle: string): string {
  const text = fs.readFileSync(file, 'utf8');
  const offset = text.indexOf(needle, text.indexOf(after));
  const before = text.slice(0, offset);
  return `${file}:${before.split('\n').length}:${offset - before.lastIndexOf('\n')}`;
}

describe('consistency across the seed data', () => {
  it('finds the 기여도 80% / 50% pair and points at both places', () => {
    const warnings = checkData({ dataDir: 'data' }).filter((p) => p.code === 'inconsistent-figure');
    const de = position('data/roles/data-engineer.yaml', 'block: eta-lead', '80%');
    const pb = position('data/roles/partner-backend.yaml', 'block: eta-lead', '50%');
    expect(warnings).toHaveLength(1);
    const [w] = warnings;
    expect(`${w!.at!.file}:${w!.at!.line}:${w!.at!.col}`).toBe(de);
    expect(w!.message).toContain('리드했습니다(기여도: 80%');
    expect(w!.message).toContain(`says 50% at ${pb} (partner-backend · design)`);
  });

  it('with --role, reports the pair for either role', () => {
    expect(checkData({ dataDir: 'data', roles: ['partner-backend'] }).filter((p) => p.code === 'inconsistent-figure')).toHaveLength(1);
  });
});

describe('checkConsistency', () => {
  it('catches a duration told two ways ("18년간" / "17년간") and points into the paragraph', () => {
    const warnings = found(
      'summary: 저는 지난 18년간 다양한 기술 스택과 도메인에서 개발 경험을 쌓아왔습니다.',
      'summary: 17년간 다양한 기술 스택과 도메인에서 개발 경험을 쌓아 왔습니다.',
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toMatch(/18년.*17년 at b\.yaml:1:10|17년.*18년 at a\.yaml:1:19/);
  });

  it('catches a team size that changed ("10명 규모의 … 팀" / "8명 규모의 … 팀")', () => {
    const warnings = found(
      'a: 그리고 10명 규모의 다양한 직군으로 구성된 팀을 이끈 리더십 경험입니다.',
      'b: 8명 규모의 다양한 직군(백엔드, 프론트엔드, MLOps)으로 구성된 팀 리딩',
    );
    expect(warnings).toHaveLength(1);
  });

  it('compares a before/after metric position by position: only the "after" differs', () => {
    const warnings = found('a: 평균 응답시간을 100ms에서 20ms로 개선했습니다.', 'b: 평균 응답시간 100ms → 30ms (70% 개선)');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toMatch(/20ms.*30ms|30ms.*20ms/);
    expect(warnings[0]!.message).not.toContain('100ms at');
  });

  it('catches a date told two ways', () => {
    expect(found('a: 2019년 3월 요기요에 입사해 데이터 플랫폼을 맡았습니다.', 'b: 2018년 3월 요기요에 입사해 데이터 플랫폼을 맡았습니다.')).toHaveLength(1);
  });

  it('reports the odd one out once, listing the places it disagrees with', () => {
    const warnings = found(
      'a: 로그 품질을 60~70%에서 95% 이상으로 향상시켰습니다.',
      'b: 로그 품질을 60~70%에서 95% 이상으로 높였습니다.',
      'c: 로그 품질 60~70% → 90% 이상',
      'd: 그 결과 로그 품질을 60~70%에서 95% 이상으로 끌어올렸습니다.',
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.at!.file).toBe('c.yaml');
    expect(warnings[0]!.message.match(/95% at/g)).toHaveLength(3);
  });

  it('does not mistake different facts that share a word or a unit for one claim', () => {
    expect(found('a: 평균 응답시간을 100ms에서 20ms로 80% 개선')).toEqual([]);
    expect(
      found(`a: |
  구현까지 전 과정을 리드했습니다(기여도: 80%).
  - 전체 시스템 아키텍처 설계 및 성능 최적화 전략 수립 (기여도: 80%)
  - FastAPI 기반 백엔드 API 개발 및 ML 모델 서빙 인터페이스 구현 (기여도: 70%)
  - 대용량 트래픽 대응을 위한 인프라 설계 및 구축 (기여도: 70%)`),
    ).toEqual([]);
    expect(found('a: 10명 규모의 다양한 직군으로 구성된 팀을 이끈 경험', 'b: 5명 개발자(백엔드, 프론트엔드, MLOps)로 구성된 팀 리딩')).toEqual([]);
    expect(found('a: 지난 18년간 개발 경험을 쌓았고 최근 4년간 요기요의 데이터 플랫폼을 맡았습니다.')).toEqual([]);
  });

  it('reads portfolio pages too: a table row against an answer, pointing at the cell in the .md file', () => {
    const md =
      '# 배달 시간 예측\n\n| 영역 | 기여도 |\n|---|--:|\n| 대용량 트래픽 대응을 위한 인프라 설계 및 구축 | 60% |\n\n5명의 개발자로 구성된 팀을 리딩했습니다.\n';
    const { page } = parseProjectPage('p.md', md);
    const answer = claims(
      'a: |\n  - 대용량 트래픽 대응을 위한 인프라 설계 및 구축 (기여도: 70%)\n  - 5명 개발자(백엔드, 프론트엔드, MLOps)로 구성된 팀 리딩\n',
    );
    const warnings = checkConsistency([...answer, ...markdownTexts('p.md', page!.body, 'p.md')]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.at).toEqual({ file: 'a.yaml', line: 2, col: 38 });
    expect(warnings[0]!.message).toContain('the same claim says 60% at p.md:5:32');
  });
});
