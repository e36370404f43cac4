import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCliInProcess, tempDir } from '../helpers/cli.js';
import { pdfPagesText, squash } from '../helpers/pdf.js';
import { makeZip } from '../helpers/zip.js';
import { CERTIFICATIONS, EDUCATION, EMAILS, LANGUAGES, POSITIONS, PROFILE, SKILLS, csv, linkedInFiles, linkedInZip } from './linkedinFixture.js';

/*
 * LinkedIn's export → resume.yaml → build → export, in process: one import, one PDF rendered
 * (with the three text formats beside it), shared by every test of the file.
 */
let root: string;
let dataDir: string;
let imported: Awaited<ReturnType<typeof runCliInProcess>>;
let built: Awaited<ReturnType<typeof runCliInProcess>>;
let pdfText: string;
let outDir: string;

beforeAll(async () => {
  root = tempDir('careerpdf-linkedin-');
  fs.writeFileSync(path.join(root, 'export.zip'), linkedInZip());
  dataDir = path.join(root, 'data');
  imported = await runCliInProcess(['import', 'linkedin', path.join(root, 'export.zip'), '--out', dataDir]);
  outDir = path.join(root, 'out');
  built = await runCliInProcess(['build', '--data', dataDir, '--out', outDir, '--format', 'jsonresume', '--format', 'markdown', '--format', 'text']);
  const pdf = fs.readdirSync(path.join(outDir, 'master')).find((f) => f.endsWith('.pdf'))!;
  pdfText = squash((await pdfPagesText(fs.readFileSync(path.join(outDir, 'master', pdf)))).join('\n'));
}, 60_000);

const resumeYaml = () => fs.readFileSync(path.join(dataDir, 'resume.yaml'), 'utf8');

describe('import linkedin', () => {
  it('writes a resume.yaml that says where it came from, reading only the files it uses', () => {
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('Positions.csv: 3 rows');
    expect(imported.stdout).toMatch(/not read: 3 other files/);
    const text = resumeYaml();
    expect(text.startsWith("# Imported by careerpdf from LinkedIn's data export export.zip")).toBe(true);
    const data = parseYaml(text);
    expect(data.basics).toEqual({
      name: '성춘향',
      label: PROFILE.Headline,
      email: EMAILS[1]!['Email Address'],
      url: 'https://example.dev',
      summary: PROFILE.Summary.replace(/\r\n/g, '\n'),
      location: { city: 'Seoul, South Korea' },
    });
    // Ids from names: Hangul romanised, valid as role files need them, unique.
    expect(data.work.map((w: { id: string }) => w.id)).toEqual(['bibaripeobeullika-toseu', 'acme-inc', 'neibeo']);
    expect(data.skills.map((s: { id: string }) => s.id)).toEqual(['python', 'kubernetes', 'deiteo-enjinieoring', 'ci-cd']);
  });

  it('builds with no error, and every position, school, skill and certificate is in the PDF text', () => {
    expect(built.code, built.stderr).toBe(0);
    expect(built.stderr).not.toMatch(/error/);
    for (const p of POSITIONS) expect(pdfText).toContain(squash(p.Title)), expect(pdfText).toContain(squash(p['Company Name']));
    for (const h of POSITIONS.flatMap((p) => p.expected.highlights ?? [])) expect(pdfText).toContain(squash(h));
    for (const e of EDUCATION) expect(pdfText).toContain(squash(e['School Name']));
    for (const s of SKILLS) expect(pdfText).toContain(squash(s));
    for (const c of CERTIFICATIONS) expect(pdfText).toContain(squash(c.Name));
  });

  it('lists the text formats in the manifest beside the PDF, the same as export writes them', async () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(outDir, 'master', 'manifest.json'), 'utf8'));
    const kinds = manifest.documents.map((d: { kind: string }) => d.kind);
    expect(kinds).toEqual(['resume', 'resume-jsonresume', 'resume-markdown', 'resume-text']);
    const file = manifest.documents.find((d: { kind: string }) => d.kind === 'resume-jsonresume').file;
    expect(file).toBe('성춘향-resume-jsonresume.json');
    const exported = await runCliInProcess(['export', '--data', dataDir, '--format', 'jsonresume']);
    expect(exported.code).toBe(0);
    expect(fs.readFileSync(path.join(outDir, 'master', file), 'utf8')).toBe(exported.stdout);
  });

  it('round-trips: import → build → export gives back every row, field by field', async () => {
    const exported = await runCliInProcess(['export', '--data', dataDir, '--format', 'jsonresume', '--lang', 'en']);
    const doc = JSON.parse(exported.stdout);
    expect(doc.work).toEqual(
      POSITIONS.map((p) =>
        expect.objectContaining({
          name: p['Company Name'],
          position: p.Title,
          ...(p.Location ? { location: p.Location } : {}),
          startDate: p.startDate,
          ...(p.endDate ? { endDate: p.endDate } : {}),
          ...(p.expected.summary ? { summary: p.expected.summary } : {}),
          ...(p.expected.highlights ? { highlights: p.expected.highlights } : {}),
        }),
      ),
    );
    expect(doc.work[0].endDate).toBeUndefined();
    expect(doc.education.map((e: Record<string, string>) => [e.institution, e.studyType, e.startDate, e.endDate])).toEqual([
      ['서울대학교', '컴퓨터공학 학사', '2013', '2017'],
      ['Stanford University', 'Master of Science - MS', '2017-09', '2019-06'],
    ]);
    expect(doc.skills.map((s: { name: string }) => s.name)).toEqual(SKILLS);
    // JSON Resume v1.0.0 takes a certificate's date as a full date: the first of the month.
    expect(doc.certificates).toEqual(
      CERTIFICATIONS.map((c) => ({ id: expect.any(String), name: c.Name, issuer: c.Authority, date: `${c.date}-01`, ...(c.Url ? { url: c.Url } : {}) })),
    );
    expect(doc.languages.map((l: Record<string, string>) => [l.language, l.fluency])).toEqual(LANGUAGES.map((l) => [l.Name, l.Proficiency]));
    expect(doc.basics).toEqual({
      name: '성춘향',
      label: PROFILE.Headline,
      email: EMAILS[1]!['Email Address'],
      url: 'https://example.dev',
      summary: PROFILE.Summary.replace(/\r\n/g, '\n'),
      location: { city: PROFILE['Geo Location'] },
    });
  });

  it('reads the folder the zip unpacks to the same way', async () => {
    const folder = path.join(root, 'unpacked');
    fs.mkdirSync(folder);
    for (const f of linkedInFiles()) if (!f.name.includes('/')) fs.writeFileSync(path.join(folder, f.name), f.data);
    const out = path.join(root, 'from-folder');
    const r = await runCliInProcess(['import', 'linkedin', folder, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const body = (text: string) => text.slice(text.indexOf('\nbasics:'));
    expect(body(fs.readFileSync(path.join(out, 'resume.yaml'), 'utf8'))).toBe(body(resumeYaml()));
  });

  it('refuses to overwrite a resume.yaml; --merge adds only what it lacks and keeps the rest as it was', async () => {
    const before = resumeYaml();
    const again = await runCliInProcess(['import', 'linkedin', path.join(root, 'export.zip'), '--out', dataDir]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/resume\.yaml already exists: it is not overwritten/);
    expect(resumeYaml()).toBe(before);

    const same = await runCliInProcess(['import', 'linkedin', path.join(root, 'export.zip'), '--out', dataDir, '--merge']);
    expect(same.code).toBe(0);
    expect(same.stdout).toMatch(/nothing added, the file is unchanged/);
    expect(resumeYaml()).toBe(before);

    const edited = `${before.replace('basics:', '# my own note\nbasics:')}`;
    fs.writeFileSync(path.join(dataDir, 'resume.yaml'), edited);
    const newer = linkedInFiles().map((f) =>
      f.name === 'Skills.csv' ? { ...f, data: csv([...SKILLS, 'Rust'].map((Name) => ({ Name }))) } : f.name === 'PhoneNumbers.csv' ? f : f,
    );
    newer.push({ name: 'PhoneNumbers.csv', data: csv([{ Extension: '', Number: '010-1234-5678', Type: 'Mobile' }]) });
    fs.writeFileSync(path.join(root, 'newer.zip'), makeZip(newer));
    const merged = await runCliInProcess(['import', 'linkedin', path.join(root, 'newer.zip'), '--out', dataDir, '--merge']);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toContain('added to');
    expect(merged.stdout).toContain('basics.phone, skills: rust');
    const after = resumeYaml();
    expect(after.startsWith(edited.slice(0, edited.indexOf('skills:')))).toBe(false); // basics gained a phone
    expect(after).toContain('# my own note');
    expect(parseYaml(after).skills.map((s: { name: string }) => s.name)).toEqual([...SKILLS, 'Rust']);
    expect(parseYaml(after).basics.phone).toBe('010-1234-5678');
    fs.writeFileSync(path.join(dataDir, 'resume.yaml'), before);
  });
});

describe('import linkedin refuses bad input: a clear message, exit 1, nothing written', () => {
  const refuse = async (name: string, bytes: Buffer | undefined, message: RegExp) => {
    const dir = tempDir('careerpdf-linkedin-bad-');
    const source = path.join(dir, name);
    if (bytes) fs.writeFileSync(source, bytes);
    const out = path.join(dir, 'data');
    const r = await runCliInProcess(['import', 'linkedin', source, '--out', out]);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/nothing was written/);
    expect(r.stderr).not.toMatch(/internal error|at .*\.ts:\d+/);
    expect(fs.existsSync(out)).toBe(false);
  };

  it('a file that is not a zip', () => refuse('export.zip', Buffer.from('First Name,Last Name\n'), /export\.zip is not a zip archive/));

  it('a zip that is not a LinkedIn export', () =>
    refuse(
      'photos.zip',
      makeZip([
        { name: 'IMG_0001.jpg', data: 'not a photo' },
        { name: 'notes.txt', data: 'hello' },
      ]),
      /is not a LinkedIn data export.*IMG_0001\.jpg/,
    ));

  it('a damaged zip: cut off', () => {
    const zip = linkedInZip();
    return refuse('export.zip', zip.subarray(0, zip.length - 200), /not a zip archive \(it starts like one but its end is missing|is damaged/);
  });

  it('a damaged zip: a CSV whose bytes were changed', () => {
    const zip = makeZip(linkedInFiles());
    const at = zip.indexOf(Buffer.from('Positions.csv')) + 'Positions.csv'.length + 5;
    zip[at] = zip[at]! ^ 0xff;
    return refuse('export.zip', zip, /is damaged: Positions\.csv/);
  });

  it('a CSV with a missing column', () =>
    refuse(
      'export.zip',
      makeZip(linkedInFiles().map((f) => (f.name === 'Positions.csv' ? { ...f, data: csv([{ 'Company Name': 'Acme', Description: 'x' }]) } : f))),
      /Positions\.csv:1:1: no "Title" column; the columns are: "Company Name", "Description"/,
    ));

  it('a zip bomb: a CSV that would inflate past the limit is not inflated', () =>
    refuse('export.zip', makeZip([{ name: 'Positions.csv', data: Buffer.alloc(3 * 1024 * 1024, 0x41) }]), /Positions\.csv would inflate to 3\.0 MB/));

  it('a zip bomb that lies about its size stops at the size it declared', () =>
    refuse('export.zip', makeZip([{ name: 'Skills.csv', data: Buffer.alloc(3 * 1024 * 1024, 0x41), declaredSize: 1000 }]), /is damaged: Skills\.csv/));

  it('a path that does not exist', () => refuse('missing.zip', undefined, /missing\.zip does not exist/));

  it('a zip with an entry that climbs out (../../Positions.csv) is refused, nothing read or written', () =>
    refuse(
      'export.zip',
      makeZip([...linkedInFiles(), { name: '../../Positions.csv', data: 'Company Name,Title\nEvil,x\n' }]),
      // Said as what it is, not as a damaged download.
      /holds an entry whose name leads out of the archive \(invalid relative path: \.\.\/\.\.\/Positions\.csv\)/,
    ));

  it('a zip with an absolute entry name (/etc/cron.d/x) is refused the same way', () =>
    refuse('export.zip', makeZip([...linkedInFiles(), { name: '/etc/cron.d/x', data: 'x' }]), /leads out of the archive \(absolute path: \/etc\/cron\.d\/x\)/));

  it('an --out that is a file, or under one; a resume.yaml that is a folder: said as it is, not "already exists"', async () => {
    const dir = tempDir('careerpdf-linkedin-bad-');
    const zip = path.join(dir, 'export.zip');
    fs.writeFileSync(zip, linkedInZip());
    fs.writeFileSync(path.join(dir, 'afile'), 'mine');
    for (const out of ['afile', path.join('afile', 'data')]) {
      const r = await runCliInProcess(['import', 'linkedin', zip, '--out', path.join(dir, out)]);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toContain(`cannot write into ${path.join(dir, out)}: ${path.join(dir, 'afile')} is a file, not a folder`);
      expect(r.stderr).not.toContain('already exists');
    }
    fs.mkdirSync(path.join(dir, 'data', 'resume.yaml'), { recursive: true });
    const folder = await runCliInProcess(['import', 'linkedin', zip, '--out', path.join(dir, 'data'), '--merge']);
    expect(folder.code, folder.stderr).toBe(1);
    expect(folder.stderr).toContain(`${path.join(dir, 'data', 'resume.yaml')} is a folder, not a data file`);
    expect(fs.readFileSync(path.join(dir, 'afile'), 'utf8')).toBe('mine');
  });
});

it('a folder whose Positions.csv is over 2 MB: refused as a LinkedIn CSV, with a hint for one, nothing written', async () => {
  const dir = tempDir('careerpdf-linkedin-big-');
  fs.mkdirSync(path.join(dir, 'export'));
  fs.writeFileSync(path.join(dir, 'export', 'Positions.csv'), `Company Name,Title\n${'Acme,Engineer\n'.repeat(220_000)}`);
  const r = await runCliInProcess(['import', 'linkedin', path.join(dir, 'export'), '--out', path.join(dir, 'data')]);
  expect(r.code, r.stderr).toBe(1);
  expect(r.stderr).toContain('Positions.csv:1:1: the file is 2.9 MB, over the limit of 2.0 MB for a LinkedIn CSV');
  expect(r.stderr).toContain("hint: LinkedIn's CSVs are a few KB: export the data again, or leave this file out of the folder");
  expect(fs.existsSync(path.join(dir, 'data'))).toBe(false);
});

it('a row with more cells than the header (an unquoted comma) is imported with a warning naming the cells it drops', async () => {
  const dir = tempDir('careerpdf-linkedin-ragged-');
  const zip = path.join(dir, 'export.zip');
  fs.writeFileSync(zip, makeZip([{ name: 'Positions.csv', data: 'Company Name,Title,Location\r\nAcme,Engineer,Seoul, Korea\r\nBeta,Dev\r\n' }]));
  const r = await runCliInProcess(['import', 'linkedin', zip, '--out', path.join(dir, 'data')]);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).toContain('export.zip › Positions.csv:2:1: this row has 4 fields, the header 3: "Korea" under no column, not imported');
  // A short row is no loss: its missing cells are empty.
  expect(r.stderr).not.toContain('Positions.csv:3:1');
});
