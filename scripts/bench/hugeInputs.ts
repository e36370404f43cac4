import fs from 'node:fs';
import path from 'node:path';

/**
 * Data folders far larger than any real career, for the bench's resource cases (issue 11,
 * item 5): they show whether time and memory grow linearly with the input, or are refused fast.
 * Written as plain text (no YAML library), Korean and English mixed as real data is.
 */

const COMPANIES = ['위대한상상(요기요)', 'Acme Data Inc.', '쿠팡', 'Northwind Traders', '네이버', 'Globex'];
const POSITIONS = ['데이터 엔지니어', 'Backend Engineer', '팀장 · Tech Lead', 'Senior Software Engineer'];
const HIGHLIGHTS = [
  '일 1억 건 이상의 사용자 행동 로그를 처리하는 파이프라인을 설계하고 로그 품질을 95% 이상으로 향상',
  'Reduced p99 latency of the pricing API from 480 ms to 90 ms by moving hot reads to a Redis cluster',
  'Airflow 기반 배치 작업 120개를 Kubernetes CronJob으로 이전해 운영 비용을 30% 절감',
  'Led a team of six engineers through a zero-downtime migration from MySQL 5.7 to Aurora',
];

/** A resume with `entries` work entries of three highlights each. */
export function resumeWithWork(entries: number): string {
  const lines = ['basics:', '  name: 홍길동', '  label: Data Engineer', '  email: gildong@example.com', 'work:'];
  for (let i = 0; i < entries; i++) {
    const year = 2025 - (i % 30);
    lines.push(
      `  - id: job-${i}`,
      `    name: "${COMPANIES[i % COMPANIES.length]} ${i}"`,
      `    position: ${POSITIONS[i % POSITIONS.length]}`,
      `    startDate: "${year - 1}-03"`,
      `    endDate: "${year}-02"`,
      `    summary: 대용량 데이터 처리 시스템 설계와 백엔드 서비스 개발 (entry ${i}).`,
      '    highlights:',
      ...[0, 1, 2].map((h) => `      - ${HIGHLIGHTS[(i + h) % HIGHLIGHTS.length]}`),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** A project page whose body is one GFM table of `rows` rows. */
export function pageWithTable(rows: number): string {
  const lines = [
    '---',
    'title: 대용량 테이블',
    'summary: A project page with one very long table.',
    '---',
    '',
    '## 지표',
    '',
    '| # | 지표 | Metric | 값 |',
    '|---|---|---|---|',
  ];
  for (let i = 0; i < rows; i++) lines.push(`| ${i} | 응답 시간 ${i} | p99 latency of service ${i} | ${(i * 7) % 1000} ms |`);
  return `${lines.join('\n')}\n`;
}

/** Writes a data folder at `dir`: the resume, and optionally one project page. */
export function writeDataFolder(dir: string, parts: { workEntries?: number; tableRows?: number }): string {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'resume.yaml'), resumeWithWork(parts.workEntries ?? 3));
  if (parts.tableRows !== undefined) {
    fs.mkdirSync(path.join(dir, 'projects'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'projects', 'table.md'), pageWithTable(parts.tableRows));
  }
  return dir;
}
