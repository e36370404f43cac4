import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addGroup, type AliasTable, loadAliases } from '../../src/match/aliases.js';
import { findTerm } from '../../src/match/findTerm.js';
import { nounOf } from '../../src/match/korean.js';
import { parsePosting } from '../../src/match/parsePosting.js';
import { extractTerms } from '../../src/match/terms.js';
import { repoRoot } from '../helpers/cli.js';

const problems: never[] = [];
const aliases: AliasTable = loadAliases(path.join(repoRoot, 'test/fixtures/people/daniel-backend-en'), problems);
/** Each group's terms, as shown. */
const shown = (text: string) => extractTerms(text, aliases).groups.map((g) => g.terms.map((t) => t.shown));

describe('Korean nouns', () => {
  it('strips the particle that fits the syllable before it, and 하다 endings', () => {
    expect(
      ['쿠버네티스를', '데이터를', '경력이', '파이썬이나', '서비스에서', '모델로', '서울로', '환경으로', '설계하고', '운영해', '구축한'].map(nounOf),
    ).toEqual(['쿠버네티스', '데이터', '경력', '파이썬', '서비스', '모델', '서울', '환경', '설계', '운영', '구축']);
  });

  it('keeps nouns that only look like a noun and a particle', () => {
    // 가 needs a vowel before it (분석가: 석 ends in ㄱ); 의/에 only after two syllables (회의); 이해 is a noun.
    expect(['분석가', '회의', '이해', '전문가', '데이터'].map(nounOf)).toEqual(['분석가', '회의', '이해', '전문가', '데이터']);
  });
});

describe('terms of a requirement', () => {
  it('finds Latin terms written with particles, and Korean names through the alias table', () => {
    expect(shown('Python과 SQL로 데이터를 다뤄 보신 분')).toEqual([['Python'], ['SQL'], ['데이터']]);
    expect(shown('쿠버네티스 환경에서 서비스를 운영해 보신 분')).toEqual([['Kubernetes']]);
    expect(shown('Hands-on CI/CD and k8s; Node.js or C++')).toEqual([['CI/CD'], ['Kubernetes'], ['Node.js', 'C++']]);
  });

  it("takes no term from a requirement's frame: 그에 준하는 (the equivalent), 이용한, 도구", () => {
    expect(shown('10년 이상 경력 또는 그에 준하는 역량')).toEqual([]);
    expect(shown('PostgreSQL을 이용한 데이터 모델링')).toEqual([['PostgreSQL'], ['데이터'], ['모델링']]);
    expect(shown('Terraform 등 IaC 도구 사용 경험')).toEqual([['Terraform'], ['IaC']]);
  });

  it('takes a name with its other name in brackets as one term, written either way: 리액트(React) 또는 뷰(Vue)', () => {
    const [group] = extractTerms('리액트(React) 또는 뷰 (Vue) 경험', aliases).groups;
    expect(group!.terms.map((t) => t.shown)).toEqual(['React', 'Vue']);
    expect(group!.terms.map((t) => t.names)).toEqual([expect.arrayContaining(['React', '리액트']), expect.arrayContaining(['Vue', '뷰'])]);
    expect(shown('5년 이상 (신입 지원 가능)')).toEqual([]);
  });

  it('makes one group of alternatives: 또는, A나 B, 중 하나 이상, one of, or', () => {
    expect(shown('Kafka 또는 Kinesis 기반 경험')).toEqual([['Kafka', 'Kinesis']]);
    expect(shown('Spark나 Flink로 스트리밍 처리')).toEqual([['Spark', 'Flink'], ['streaming']]);
    expect(shown('BigQuery, Redshift, Snowflake 중 하나 이상의 데이터 웨어하우스 경험')).toEqual([['BigQuery', 'Redshift', 'Snowflake'], ['data warehouse']]);
    expect(shown('Experience with one of AWS, GCP, Azure')).toEqual([['AWS', 'GCP', 'Azure']]);
    expect(shown('Strong Go or Java skills')).toEqual([['Go', 'Java']]);
    // A comma list without "or" asks for each.
    expect(shown('Python, Java, SQL')).toEqual([['Python'], ['Java'], ['SQL']]);
  });

  it('reads the years asked for, in Korean and English', () => {
    expect(extractTerms('경력 5년 이상', aliases).years).toEqual({ years: 5, written: '5년 이상' });
    expect(extractTerms('3년 이상의 백엔드 개발 경험', aliases).years?.years).toBe(3);
    expect(extractTerms('8+ years of professional experience', aliases).years?.years).toBe(8);
    expect(extractTerms('At least 4 years building APIs', aliases).years?.years).toBe(4);
    expect(extractTerms('Python 경험', aliases).years).toBeUndefined();
  });

  it('matches names as words in any case; short capitalised ones as written; Korean inside words', () => {
    expect(findTerm('PostgreSQL only', ['SQL'])).toBeUndefined();
    expect(findTerm('ready to go', ['Go'])).toBeUndefined();
    expect(findTerm('Go services', ['Go'])?.offset).toBe(0);
    expect(findTerm('Kubernetes와 Docker', ['kubernetes'])?.name).toBe('kubernetes');
    expect(findTerm('built data pipelines', ['data pipeline'])?.length).toBe('data pipelines'.length);
    expect(findTerm('데이터웨어하우스를 도입', ['데이터 웨어하우스'])?.offset).toBe(0);
  });

  it('merges a group of the data folder into the shipped one that shares a name', () => {
    const table: AliasTable = { groups: [], byKey: new Map() };
    addGroup(table, ['Kubernetes', '쿠버네티스']);
    addGroup(table, ['k8s', 'kubernetes'], true);
    expect(table.groups).toEqual([{ shown: 'k8s', names: ['Kubernetes', '쿠버네티스', 'k8s'] }]);
  });
});

describe('posting sections', () => {
  it('recognises Korean and English headings, markdown or bold or with a colon, and skips the rest', () => {
    const posting = parsePosting(
      [
        '회사 소개 문단: Kubernetes를 씁니다', // before any heading: not a requirement
        '**자격요건**',
        '- Python 경험',
        '[우대사항]',
        '• Kafka',
        '## 복리후생',
        '- Kubernetes 교육비 지원',
        'Requirements:',
        '1. Go',
        'Nice to have: Rust',
        'Responsibilities',
        '- own the Terraform modules',
      ].join('\n'),
      aliases,
    );
    expect(posting.requirements.map((r) => [r.section, r.line, r.text])).toEqual([
      ['required', 3, 'Python 경험'],
      ['preferred', 5, 'Kafka'],
      ['required', 9, 'Go'],
      ['preferred', 10, 'Rust'],
      ['duties', 12, 'own the Terraform modules'],
    ]);
  });

  it('finds nothing in a paragraph, and parses 2,000 requirement lines (128 KB) in bounded time', () => {
    expect(parsePosting('We are a friendly team. Python and Kafka are our tools.', aliases).headings).toEqual([]);
    const big = `자격요건\n${'- Python과 SQL, Kafka 또는 Kinesis 중 하나 이상 경험 5년 이상\n'.repeat(2000)}`;
    const started = performance.now();
    expect(parsePosting(big, aliases).requirements).toHaveLength(2000);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
