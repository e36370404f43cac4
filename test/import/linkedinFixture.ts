import { makeZip, type ZipEntry } from '../helpers/zip.js';

/**
 * A LinkedIn data export made on the spot, as LinkedIn writes one: CSV with a header row, CRLF
 * line breaks, a UTF-8 BOM on some files, quoted fields with commas, quotes and line breaks,
 * Korean and English rows, and only some of the optional files (no PhoneNumbers.csv, Projects.csv,
 * Honors.csv…). The rows are kept as data so that a test can compare what comes back, field by field.
 */
export const PROFILE = {
  'First Name': '춘향',
  'Last Name': '성',
  'Maiden Name': '',
  Address: '',
  'Birth Date': '',
  Headline: 'Backend engineer · 백엔드 엔지니어',
  Summary: '결제와 데이터 플랫폼을 만드는 백엔드 엔지니어입니다.\r\nI build payment and data platforms.',
  Industry: 'Software Development',
  'Zip Code': '',
  'Geo Location': 'Seoul, South Korea',
  'Twitter Handles': '',
  Websites: '[PERSONAL:https://example.dev]',
  'Instant Messengers': '',
};

export const EMAILS = [
  { 'Email Address': 'old@example.com', Confirmed: 'Yes', Primary: 'No', 'Updated On': '1/1/18, 9:00 AM' },
  { 'Email Address': 'chunhyang@example.com', Confirmed: 'Yes', Primary: 'Yes', 'Updated On': '3/1/21, 9:00 AM' },
];

export const POSITIONS = [
  {
    'Company Name': '비바리퍼블리카 (토스)',
    Title: '백엔드 개발자',
    Description: '• 결제 시스템 설계와 운영, 장애 대응\r\n• 일 100만 건의 정산 배치를 "실시간" 스트림으로 전환해 지연 50% 감소',
    Location: '서울',
    'Started On': 'Mar 2021',
    'Finished On': '',
    expected: { summary: undefined, highlights: ['결제 시스템 설계와 운영, 장애 대응', '일 100만 건의 정산 배치를 "실시간" 스트림으로 전환해 지연 50% 감소'] },
    startDate: '2021-03',
    endDate: undefined,
  },
  {
    'Company Name': 'Acme, Inc.',
    Title: 'Senior Engineer, Platform',
    Description: 'Led the platform team of six.\r\n- Built CI, cutting build time by 40%\r\n- Mentored 5 engineers, 2 promoted',
    Location: 'San Francisco, CA',
    'Started On': 'Jan 2018',
    'Finished On': 'Feb 2021',
    expected: { summary: 'Led the platform team of six.', highlights: ['Built CI, cutting build time by 40%', 'Mentored 5 engineers, 2 promoted'] },
    startDate: '2018-01',
    endDate: '2021-02',
  },
  {
    'Company Name': '네이버',
    Title: '인턴',
    Description: '검색 로그 분석 도구 개발',
    Location: '',
    'Started On': '2017',
    'Finished On': '2017',
    expected: { summary: '검색 로그 분석 도구 개발', highlights: undefined },
    startDate: '2017',
    endDate: '2017',
  },
];

export const EDUCATION = [
  { 'School Name': '서울대학교', 'Start Date': '2013', 'End Date': '2017', Notes: '', 'Degree Name': '컴퓨터공학 학사', Activities: '' },
  {
    'School Name': 'Stanford University',
    'Start Date': 'Sep 2017',
    'End Date': 'Jun 2019',
    Notes: '',
    'Degree Name': 'Master of Science - MS',
    Activities: '',
  },
];

export const SKILLS = ['Python', 'Kubernetes', '데이터 엔지니어링', 'CI/CD'];

export const CERTIFICATIONS = [
  {
    Name: 'AWS Certified Solutions Architect – Associate',
    Url: 'https://aws.amazon.com/certification/',
    Authority: 'Amazon Web Services (AWS)',
    'Started On': 'Jun 2022',
    'Finished On': '',
    'License Number': 'ABC-123',
    date: '2022-06',
  },
  { Name: '정보처리기사', Url: '', Authority: '한국산업인력공단', 'Started On': '2016년 11월', 'Finished On': '', 'License Number': '', date: '2016-11' },
];

export const LANGUAGES = [
  { Name: 'Korean', Proficiency: 'Native or bilingual proficiency' },
  { Name: 'English', Proficiency: 'Professional working proficiency' },
];

/** One CSV file as LinkedIn writes it: CRLF, fields quoted when they hold a comma, a quote or a line break. */
export function csv(rows: readonly Record<string, string>[], columns = Object.keys(rows[0] ?? {}), { bom = false } = {}): string {
  const field = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const lines = [columns.map(field).join(','), ...rows.map((row) => columns.map((c) => field(row[c] ?? '')).join(','))];
  return `${bom ? '\ufeff' : ''}${lines.join('\r\n')}\r\n`;
}

const only = <T extends Record<string, unknown>>(row: T): Record<string, string> =>
  Object.fromEntries(Object.entries(row).filter(([, v]) => typeof v === 'string')) as Record<string, string>;

/** The export's files: the CSVs the import reads, and others (messages, connections) it must never open. */
export function linkedInFiles(): ZipEntry[] {
  const positionColumns = ['Company Name', 'Title', 'Description', 'Location', 'Started On', 'Finished On'];
  return [
    { name: 'Profile.csv', data: csv([PROFILE], undefined, { bom: true }) },
    { name: 'Email Addresses.csv', data: csv(EMAILS) },
    { name: 'Positions.csv', data: csv(POSITIONS.map(only), positionColumns, { bom: true }) },
    { name: 'Education.csv', data: csv(EDUCATION) },
    {
      name: 'Skills.csv',
      data: csv(
        SKILLS.map((Name) => ({ Name })),
        undefined,
        { bom: true },
      ),
    },
    { name: 'Certifications.csv', data: csv(CERTIFICATIONS.map(only)) },
    { name: 'Languages.csv', data: csv(LANGUAGES) },
    { name: 'Connections.csv', data: 'Notes:\r\n"When exporting your connection data…"\r\n\r\nFirst Name,Last Name\r\nA,B\r\n' },
    { name: 'messages.csv', data: 'CONVERSATION ID,FROM,TO,CONTENT\r\n1,a,b,hello\r\n' },
    { name: 'Jobs/Job Applications.csv', data: 'Application Date,Company Name\r\n' },
  ];
}

/**
 * The export as a zip. Files the import must not read are damaged inside (their checksum
 * wrong): had the import inflated one, it would have failed.
 */
export function linkedInZip(files: ZipEntry[] = linkedInFiles()): Buffer {
  const zip = makeZip(files);
  for (const name of ['messages.csv', 'Connections.csv']) corruptChecksum(zip, name);
  return zip;
}

/** Flips the CRC of `name` in its central directory record (what the reader checks against). */
function corruptChecksum(zip: Buffer, name: string): void {
  const at = zip.lastIndexOf(Buffer.from(name, 'utf8'));
  if (at < 46) return;
  const crc = at - 46 + 16;
  zip.writeUInt32LE((zip.readUInt32LE(crc) ^ 0xffffffff) >>> 0, crc);
}
