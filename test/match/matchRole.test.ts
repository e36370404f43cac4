import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { problemsOf, UserDataError } from '../../src/core/problems.js';
import { loadAliases } from '../../src/match/aliases.js';
import type { RequirementResult, TermResult } from '../../src/match/coverage.js';
import { matchRole, readPosting, type RoleMatch } from '../../src/match/matchRole.js';
import { postingSource } from '../../src/match/postingSource.js';
import { prepare } from '../../src/pipeline/prepare.js';
import { copyData, repoRoot, runCliInProcess, tempDir } from '../helpers/cli.js';

const postings = path.join(repoRoot, 'test/fixtures/postings');
const now = new Date('2026-12-01T00:00:00Z');
const example = path.join(repoRoot, 'data');

const run = (dataDir: string, roleId: string, posting?: string) =>
  matchRole(prepare({ dataDir, roles: [roleId], drawImages: false, checkDrawing: false }), roleId, {
    postingFile: posting && path.join(postings, posting),
    now,
  });

/** The requirement whose text starts with `start`. */
const requirement = (match: RoleMatch, start: string): RequirementResult => {
  const found = match.result.requirements.find((r) => r.requirement.text.startsWith(start));
  if (!found) throw new Error(`no requirement "${start}"`);
  return found;
};
const term = (r: RequirementResult, shown: string): TermResult => {
  const found = r.groups.flatMap((g) => g.terms).find((t) => t.term.shown === shown);
  if (!found) throw new Error(`no term ${shown} in "${r.requirement.text}"`);
  return found;
};
/** Neither in the documents nor anywhere in the master data. */
const expectNowhere = (t: TermResult) => {
  expect(t.shown).toBeUndefined();
  expect(t.leftOut).toBeUndefined();
};
/** The text of the source line a location points at, from its column on. */
const atText = (at: { file: string; line: number; col: number }) =>
  [...fs.readFileSync(path.resolve(at.file), 'utf8').split('\n')[at.line - 1]!].slice(at.col - 1).join('');

describe('match: a Korean posting against the example data', () => {
  let dataEngineer: RoleMatch;
  beforeAll(() => {
    dataEngineer = run(example, 'data-engineer', 'data-engineer-ko.md');
  });

  it('finds each required term in the documents, at the line and column it is written', () => {
    const python = term(requirement(dataEngineer, 'Python과 SQL'), 'Python');
    expect(python.shown?.document).toBe('resume');
    expect(atText(python.shown!.at)).toMatch(/^Python/);
    // 쿠버네티스 in the posting is Kubernetes in the documents (the alias table).
    const kubernetes = term(requirement(dataEngineer, '쿠버네티스'), 'Kubernetes');
    expect(atText(kubernetes.shown!.at)).toMatch(/^Kubernetes/);
    expect(kubernetes.shown!.written).toBe('Kubernetes');
    expect(requirement(dataEngineer, '쿠버네티스').status).toBe('covered');
  });

  it('covers an alternative by any one of its terms, and says which are missing', () => {
    const warehouses = requirement(dataEngineer, 'BigQuery, Redshift');
    expect(warehouses.groups[0]!.terms.map((t) => t.term.shown)).toEqual(['BigQuery', 'Redshift', 'Snowflake']);
    expect(warehouses.groups[0]!.covered).toBe(true);
    const streaming = requirement(dataEngineer, 'Kafka 또는 Kinesis');
    expect(term(streaming, 'Kafka').shown).toBeDefined();
    expectNowhere(term(streaming, 'Kinesis'));
    const sparkOrFlink = requirement(dataEngineer, 'Spark나 Flink');
    expect(sparkOrFlink.groups[0]!.covered).toBe(false);
    expect(sparkOrFlink.status).toBe('partly');
  });

  it('finds terms in the answers and the portfolio too, and leaves the benefits section out', () => {
    const dbt = requirement(dataEngineer, 'dbt를');
    expectNowhere(term(dbt, 'dbt'));
    expect(term(dbt, '모델링').shown?.document).toBe('portfolio');
    expect(dataEngineer.result.requirements.some((r) => r.requirement.text.includes('자기계발비'))).toBe(false);
  });

  it('cannot tell the years when the work dates are placeholders, and counts them in neither number', () => {
    const years = requirement(dataEngineer, '경력 5년 이상');
    expect(years.status).toBe('open');
    expect(years.years).toMatchObject({ asked: 5, covered: undefined, undated: ['yogiyo', 'devops-saas', 'recommendation', 'solutions'] });
    // 4 required requirements with terms: Python, SQL, 데이터 / Kubernetes / warehouses, data warehouse / Kafka-Kinesis, streaming.
    expect(dataEngineer.result.coverage.required).toEqual({ covered: 8, total: 8 });
    expect(dataEngineer.result.coverage.preferred.total).toBeGreaterThan(dataEngineer.result.coverage.preferred.covered);
  });

  it('says which rule of the role left a term out, and where the master data has it', () => {
    // partner-backend filters by focus tags; with a portfolio of one page, the Snowflake PoC's keyword Parquet is nowhere shown.
    const dir = copyData();
    const roleFile = path.join(dir, 'roles/partner-backend.yaml');
    fs.writeFileSync(
      roleFile,
      fs.readFileSync(roleFile, 'utf8').replace(/portfolio:\n {2}projects: .*\n {2}tags: .*\n/, 'portfolio:\n  projects: [delivery-eta]\n'),
    );
    const parquet = term(requirement(run(dir, 'partner-backend', 'partner-backend-ko.txt'), 'Parquet'), 'Parquet');
    expect(parquet.shown).toBeUndefined();
    expect(parquet.leftOut).toMatchObject({
      document: 'resume',
      label: 'snowflake-poc › keywords',
      droppedBy: 'snowflake-poc: dropped — its tags (data-pipeline, data-platform) match none of the focus tags',
    });
    expect(atText(parquet.leftOut!.at)).toMatch(/^Parquet\]/);
    expect(path.basename(parquet.leftOut!.at.file)).toBe('resume.yaml');
  });
});

describe('match: English and Korean postings against other people', () => {
  it('checks the years against the work dates (Daniel: 16 years; 박현우: 2.9, short of 3)', () => {
    const daniel = run(path.join(repoRoot, 'test/fixtures/people/daniel-backend-en'), 'staff-backend', 'backend-en.txt');
    expect(requirement(daniel, '8+ years').years).toMatchObject({ asked: 8, covered: true, undated: [] });
    expect(requirement(daniel, '8+ years').years!.has).toBeGreaterThanOrEqual(16);
    const hyunwoo = run(path.join(repoRoot, 'test/fixtures/people/hyunwoo-short-ko'), 'backend', 'partner-backend-ko.txt');
    expect(requirement(hyunwoo, '백엔드 개발 경력 3년 이상').years).toMatchObject({ asked: 3, has: 2.9, covered: false });
    expect(term(requirement(hyunwoo, '백엔드 개발 경력'), 'backend').shown?.label).toBe('basics › label');
    expect(hyunwoo.result.coverage.required.covered).toBeLessThan(hyunwoo.result.coverage.required.total);
  });

  it('finds English terms with their alternatives, and a highlight left out by a limit', () => {
    const dir = copyData(path.join(repoRoot, 'test/fixtures/people/daniel-backend-en'));
    // The data folder extends the shipped alias table; the role shows 3 highlights per entry.
    fs.writeFileSync(path.join(dir, 'aliases.yaml'), 'terms:\n  - [mentoring, mentored]\n');
    fs.appendFileSync(path.join(dir, 'roles/staff-backend.yaml'), 'limits: { highlights: 3 }\n');
    const daniel = run(dir, 'staff-backend', 'backend-en.txt');
    const clouds = requirement(daniel, 'Hands-on experience with one of AWS');
    expect(clouds.groups.map((g) => g.terms.map((t) => [t.term.shown, Boolean(t.shown)]))).toEqual([
      [
        ['AWS', true],
        ['GCP', true],
        ['Azure', false],
      ],
    ]);
    const goOrJava = requirement(daniel, 'Strong Go or Java');
    expect(goOrJava.status).toBe('covered');
    const mentoring = term(requirement(daniel, 'Mentoring'), 'mentoring');
    expect(mentoring.leftOut).toMatchObject({
      label: 'freightly › highlight 4',
      droppedBy: 'freightly › highlight 4: capped — the role shows at most 3 highlights per entry',
    });
    expect(atText(mentoring.leftOut!.at)).toMatch(/^mentored/);
    expectNowhere(term(requirement(daniel, 'gRPC'), 'gRPC'));
  });
});

describe('match: the command', () => {
  it('prints the coverage and each requirement, or JSON; a posting in the role file is read from the data folder', async () => {
    const dir = copyData();
    fs.mkdirSync(path.join(dir, 'postings'));
    fs.copyFileSync(path.join(postings, 'data-engineer-ko.md'), path.join(dir, 'postings/kream-de.md'));
    fs.appendFileSync(path.join(dir, 'roles/data-engineer.yaml'), 'posting: postings/kream-de.md\n');
    const text = await runCliInProcess(['match', '--role', 'data-engineer', '--data', dir], { env: { SOURCE_DATE_EPOCH: '1796083200' } });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('coverage: required 8/8 (100%) · preferred');
    expect(text.stdout).toMatch(/✓ .*kream-de\.md:11:1 {2}쿠버네티스 환경에서/);
    expect(text.stdout).toMatch(/Kubernetes — resume .*resume\.yaml:\d+:\d+|Kubernetes — resume role › summary {2}.*data-engineer\.yaml:9:\d+/);
    const json = await runCliInProcess(['match', '--role', 'data-engineer', '--data', dir, '--json']);
    const parsed = JSON.parse(json.stdout);
    expect(parsed.coverage.required).toEqual({ covered: 8, total: 8 });
    expect(parsed.requirements.find((r: { text: string }) => r.text.startsWith('dbt')).groups[0].terms[0]).toEqual({ term: 'dbt' });
    const explain = await runCliInProcess(['explain', '--role', 'data-engineer', '--data', dir]);
    expect(explain.stdout).toMatch(/posting .*kream-de\.md: coverage: required 8\/8 \(100%\) · preferred \d+\/11/);
  });

  it("reads an inline posting, pointing at the role file's lines", async () => {
    const dir = copyData();
    fs.appendFileSync(path.join(dir, 'roles/partner-backend.yaml'), 'posting: |\n  자격요건\n  - Java 경험\n  우대사항\n  - Kotlin\n');
    const lines = fs.readFileSync(path.join(dir, 'roles/partner-backend.yaml'), 'utf8').split('\n').length;
    const result = await runCliInProcess(['match', '--role', 'partner-backend', '--data', dir]);
    expect(result.stdout).toContain(`partner-backend.yaml:${lines - 3}:1  Java 경험`);
    expect(result.stdout).toContain('coverage: required 1/1 (100%) · preferred 0/1 (0%)');
  });

  it('says clearly what is wrong with a posting that has nothing to match, in bounded time', async () => {
    const cli = await runCliInProcess(['match', '--role', 'data-engineer', '--posting', path.join(postings, 'no-sections.txt')]);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toMatch(/no-sections\.txt:1:1.*no requirement section found in the posting/);
    expect(cli.stderr).not.toMatch(/at .*\.(ts|js):\d+/);
    // match only reads: the refusal ends with its count, not a claim about writing.
    expect(cli.stderr).toMatch(/1 error, 0 warnings\.\n$/);
    const big = path.join(tempDir(), 'big.txt');
    fs.writeFileSync(big, '자격요건\n- Python 경험\n'.repeat(100_000));
    const aliases = loadAliases(example, []);
    const cases: [string, RegExp][] = [
      [path.join(postings, 'empty.txt'), /the posting file is empty/],
      [path.join(postings, 'binary.bin'), /binary file/],
      [big, /over the limit of 256 KB for a job posting/],
      [path.join(postings, 'missing.txt'), /missing\.txt/],
      [path.join(postings, 'no-sections.txt'), /no requirement section/],
    ];
    for (const [file, message] of cases) {
      const started = performance.now();
      const problems = problemsOf(() => (readPosting(postingSource({ file, dataDir: example, roleId: 'data-engineer' }), aliases), []));
      expect(problems.map((p) => p.message).join(' '), file).toMatch(message);
      expect(performance.now() - started).toBeLessThan(1000);
    }
    const none = problemsOf(
      () => (
        postingSource({ dataDir: example, roleId: 'data-engineer', roleSource: prepare({ dataDir: example, roles: [] }).folder.roles.get('data-engineer') }), []
      ),
    );
    expect(none[0]?.message).toMatch(/no posting to match/);
  });

  it('refuses a posting outside the data folder', () => {
    const dir = copyData();
    fs.appendFileSync(path.join(dir, 'roles/data-engineer.yaml'), 'posting: ../../etc/passwd.txt\n');
    expect(() => run(dir, 'data-engineer')).toThrow(UserDataError);
  });

  it('refuses a posting in the data folder that is a link out of it, without reading it', () => {
    const dir = copyData(path.join(repoRoot, 'test/fixtures/people/daniel-backend-en'));
    const outside = path.join(tempDir('careerpdf-outside-'), 'secret.txt');
    fs.writeFileSync(outside, 'Requirements\n- the secret line\n');
    fs.mkdirSync(path.join(dir, 'postings'));
    fs.symlinkSync(outside, path.join(dir, 'postings', 'linked.txt'));
    fs.appendFileSync(path.join(dir, 'roles/staff-backend.yaml'), '\nposting: postings/linked.txt\n');
    const problems = problemsOf(() => (run(dir, 'staff-backend'), []));
    expect(problems.map((p) => p.message)).toEqual([`the posting postings/linked.txt is outside the data folder (it links to ${outside}); it is not read`]);
  });
});
