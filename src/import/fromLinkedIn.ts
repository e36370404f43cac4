import { UserDataError, errorsIn, type Problem } from '../core/problems.js';
import type { Resume } from '../validate/schema/resume.js';
import { readCsvTable, type ColumnSpec, type CsvRow } from './csvTable.js';
import { parseLinkedInDate } from './dates.js';
import { IdPool } from './ids.js';
import type { LinkedInExport, LinkedInFile } from './linkedinFiles.js';
import { splitDescription } from './splitDescription.js';

/** What an import made: the resume, and what it read, skipped and could not take, for the user. */
export interface Imported {
  resume: Resume;
  /** `Positions.csv: 3 rows` … */
  read: string[];
  /** Warnings: a date it could not read, a URL it could not use… (located). */
  problems: Problem[];
}

const col = (required: boolean, ...names: string[]): ColumnSpec => ({ names, required });

/** The columns read from each file; the first name is LinkedIn's current one, the others older exports'. */
const COLUMNS = {
  'Profile.csv': {
    first: col(true, 'First Name'),
    last: col(true, 'Last Name'),
    headline: col(false, 'Headline'),
    summary: col(false, 'Summary'),
    location: col(false, 'Geo Location', 'Location'),
    websites: col(false, 'Websites'),
    twitter: col(false, 'Twitter Handles'),
  },
  'Email Addresses.csv': { email: col(true, 'Email Address'), primary: col(false, 'Primary') },
  'PhoneNumbers.csv': { number: col(true, 'Number'), type: col(false, 'Type') },
  'Positions.csv': {
    company: col(true, 'Company Name', 'Company'),
    title: col(true, 'Title'),
    description: col(false, 'Description'),
    location: col(false, 'Location'),
    start: col(false, 'Started On', 'Start Date'),
    end: col(false, 'Finished On', 'End Date'),
  },
  'Education.csv': {
    school: col(true, 'School Name', 'School'),
    start: col(false, 'Start Date', 'Started On'),
    end: col(false, 'End Date', 'Finished On'),
    degree: col(false, 'Degree Name', 'Degree'),
    field: col(false, 'Field Of Study', 'Field of Study'),
    notes: col(false, 'Notes'),
    activities: col(false, 'Activities'),
  },
  'Skills.csv': { name: col(true, 'Name', 'Skill') },
  'Certifications.csv': {
    name: col(true, 'Name'),
    url: col(false, 'Url', 'URL'),
    authority: col(false, 'Authority'),
    start: col(false, 'Started On'),
    license: col(false, 'License Number'),
  },
  'Languages.csv': { name: col(true, 'Name', 'Language'), proficiency: col(false, 'Proficiency') },
  'Projects.csv': {
    title: col(true, 'Title', 'Name'),
    description: col(false, 'Description'),
    url: col(false, 'Url', 'URL'),
    start: col(false, 'Started On'),
    end: col(false, 'Finished On'),
  },
  'Honors.csv': { title: col(true, 'Title'), description: col(false, 'Description'), issued: col(false, 'Issued On') },
  'Publications.csv': {
    name: col(true, 'Name'),
    published: col(false, 'Published On'),
    description: col(false, 'Description'),
    publisher: col(false, 'Publisher'),
    url: col(false, 'Url', 'URL'),
  },
  'Volunteering.csv': {
    organization: col(true, 'Company Name', 'Organization'),
    role: col(false, 'Role'),
    cause: col(false, 'Cause'),
    start: col(false, 'Started On'),
    end: col(false, 'Finished On'),
    description: col(false, 'Description'),
  },
} satisfies Record<LinkedInFile, Record<string, ColumnSpec>>;

type Fields<F extends LinkedInFile> = keyof (typeof COLUMNS)[F] & string;

/**
 * LinkedIn's export → careerpdf's resume (JSON Resume fields + ids): every entry gets an id made
 * from its name, descriptions with lines or bullets become highlights, dates become `YYYY-MM`, and
 * the text is kept as written (Korean and English alike). A file missing is a section missing; a
 * file missing a column it cannot do without, or not CSV, is an error (UserDataError, all at once).
 */
export function fromLinkedIn(files: LinkedInExport['files'], existingIds: Iterable<string> = []): Imported {
  const problems: Problem[] = [];
  const read: string[] = [];
  const ids = new IdPool(existingIds);
  const rowsOf = <F extends LinkedInFile>(name: F): CsvRow<Fields<F>>[] => {
    const file = files.get(name);
    if (!file) return [];
    const rows = readCsvTable(file, COLUMNS[name] as Record<Fields<F>, ColumnSpec>, problems) ?? [];
    read.push(`${name}: ${rows.length} row${rows.length === 1 ? '' : 's'}`);
    return rows;
  };
  const dateOf = (name: LinkedInFile, row: CsvRow<string>, column: string, value: string): string | undefined => {
    const parsed = parseLinkedInDate(value);
    if (parsed.kind === 'date') return parsed.value;
    if (parsed.kind === 'invalid')
      problems.push({
        severity: 'warning',
        code: 'import-date',
        at: { file: files.get(name)!.shown, line: row.line, col: 1 },
        message: `"${value}" in ${column} is not a date this import reads: left out`,
        hint: 'write it in resume.yaml as YYYY-MM (e.g. 2021-03)',
      });
    return undefined;
  };
  const urlOf = (name: LinkedInFile, row: CsvRow<string>, value: string): string | undefined => {
    if (value === '') return undefined;
    if (/^https?:\/\/\S+$/i.test(value)) return value;
    if (/^[\w-]+(\.[\w-]+)+(\/\S*)?$/.test(value)) return `https://${value}`;
    problems.push({
      severity: 'warning',
      code: 'import-url',
      at: { file: files.get(name)!.shown, line: row.line, col: 1 },
      message: `"${value}" is not a web address: left out`,
    });
    return undefined;
  };

  const resume: Resume = {};
  const basics = basicsOf(rowsOf('Profile.csv')[0]?.values, rowsOf('Email Addresses.csv'), rowsOf('PhoneNumbers.csv'));
  if (Object.keys(basics).length > 0) resume.basics = basics;

  const positions = rowsOf('Positions.csv');
  resume.work = positions.map((row) => {
    const v = row.values;
    const { summary, highlights } = splitDescription(v.description);
    return compact({
      id: ids.claim([v.company, `${v.company} ${v.title}`], 'work'),
      name: v.company,
      position: v.title,
      location: v.location,
      startDate: dateOf('Positions.csv', row, 'Started On', v.start),
      endDate: dateOf('Positions.csv', row, 'Finished On', v.end),
      summary,
      highlights,
    });
  });
  resume.education = rowsOf('Education.csv').map((row) => {
    const v = row.values;
    if (v.activities || v.notes)
      problems.push({
        severity: 'warning',
        code: 'import-dropped',
        at: { file: files.get('Education.csv')!.shown, line: row.line, col: 1 },
        message: `${v.school}: Activities and Notes are not imported (JSON Resume's education has no field for them)`,
        hint: 'add what matters as courses, or as a highlight of a project or volunteer entry',
      });
    return compact({
      id: ids.claim([v.school, `${v.school} ${v.degree}`], 'education'),
      institution: v.school,
      studyType: v.degree,
      area: v.field,
      startDate: dateOf('Education.csv', row, 'Start Date', v.start),
      endDate: dateOf('Education.csv', row, 'End Date', v.end),
    });
  });
  resume.skills = rowsOf('Skills.csv')
    .filter((row) => row.values.name !== '')
    .map((row) => compact({ id: ids.claim([row.values.name], 'skill'), name: row.values.name }));
  resume.certificates = rowsOf('Certifications.csv').map((row) => {
    const v = row.values;
    return compact({
      id: ids.claim([v.name, `${v.authority} ${v.name}`], 'certificate'),
      name: v.name,
      issuer: v.authority,
      date: dateOf('Certifications.csv', row, 'Started On', v.start),
      url: urlOf('Certifications.csv', row, v.url),
    });
  });
  resume.languages = rowsOf('Languages.csv').map((row) =>
    compact({ id: ids.claim([row.values.name], 'language'), language: row.values.name, fluency: row.values.proficiency }),
  );
  resume.projects = rowsOf('Projects.csv').map((row) => {
    const v = row.values;
    const { summary, highlights } = splitDescription(v.description);
    return compact({
      id: ids.claim([v.title], 'project'),
      name: v.title,
      description: summary,
      highlights,
      url: urlOf('Projects.csv', row, v.url),
      startDate: dateOf('Projects.csv', row, 'Started On', v.start),
      endDate: dateOf('Projects.csv', row, 'Finished On', v.end),
    });
  });
  resume.awards = rowsOf('Honors.csv').map((row) => {
    const v = row.values;
    return compact({ id: ids.claim([v.title], 'award'), title: v.title, date: dateOf('Honors.csv', row, 'Issued On', v.issued), summary: v.description });
  });
  resume.publications = rowsOf('Publications.csv').map((row) => {
    const v = row.values;
    return compact({
      id: ids.claim([v.name], 'publication'),
      name: v.name,
      publisher: v.publisher,
      releaseDate: dateOf('Publications.csv', row, 'Published On', v.published),
      url: urlOf('Publications.csv', row, v.url),
      summary: v.description,
    });
  });
  resume.volunteer = rowsOf('Volunteering.csv').map((row) => {
    const v = row.values;
    const { summary, highlights } = splitDescription(v.description);
    return compact({
      id: ids.claim([v.organization, `${v.organization} ${v.role}`], 'volunteer'),
      organization: v.organization,
      position: v.role,
      startDate: dateOf('Volunteering.csv', row, 'Started On', v.start),
      endDate: dateOf('Volunteering.csv', row, 'Finished On', v.end),
      summary: [v.cause, summary].filter(Boolean).join('\n') || undefined,
      highlights,
    });
  });
  if (errorsIn(problems).length > 0) throw new UserDataError(problems);
  for (const key of Object.keys(resume) as (keyof Resume)[]) if (Array.isArray(resume[key]) && (resume[key] as unknown[]).length === 0) delete resume[key];
  return { resume, read, problems };
}

type ProfileRow = CsvRow<Fields<'Profile.csv'>>['values'];

function basicsOf(profile: ProfileRow | undefined, emails: CsvRow<'email' | 'primary'>[], phones: CsvRow<'number' | 'type'>[]): NonNullable<Resume['basics']> {
  const email = (emails.find((e) => /^yes$/i.test(e.values.primary)) ?? emails[0])?.values.email;
  const phone = phones.find((p) => p.values.number !== '')?.values.number;
  const urls = [...(profile?.websites ?? '').matchAll(/(?:\[?([A-Za-z ]+):)?(https?:\/\/[^\s,\]]+)/g)];
  const twitter = (profile?.twitter ?? '')
    .split(/[,\s]+/)
    .map((h) => h.replace(/^[[@]+|\]+$/g, ''))
    .filter(Boolean);
  return compact({
    name: profile && personName(profile.first, profile.last),
    label: profile?.headline,
    email,
    phone,
    url: urls[0]?.[2],
    summary: profile?.summary,
    location: profile?.location ? { city: profile.location } : undefined,
    profiles: [
      ...urls.slice(1).map((m) => ({ network: titleCase(m[1] ?? 'Website'), url: m[2]! })),
      ...twitter.map((username) => ({ network: 'Twitter', username, url: `https://twitter.com/${username}` })),
    ],
  });
}

/** Korean names are written family name first with no space (신 + 춘호 → 신춘호); others given name first. */
function personName(first: string, last: string): string | undefined {
  const hangul = /^[\uac00-\ud7a3]+$/;
  if (hangul.test(first) && hangul.test(last)) return `${last}${first}`;
  return [first, last].filter(Boolean).join(' ') || undefined;
}

const titleCase = (word: string): string => word.trim().charAt(0).toUpperCase() + word.trim().slice(1).toLowerCase();

/** The object without empty values (`''`, `undefined`, `[]`): a resume.yaml holds only what the export had. */
function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0))) as T;
}
