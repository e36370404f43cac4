import { pathToFileURL } from 'node:url';

/**
 * The bench's own HTML rendering of a JSON Resume, printed by Chromium the way the JSON Resume
 * themes and Reactive Resume do: the layout and theme tokens of careerpdf's classic resume
 * (header, summary, work with highlights, skills table, education, page footer), so that
 * Chromium's time is measured on the same content. Only the fields the bench resume has.
 */
export interface BenchResume {
  basics: {
    name: string;
    label: string;
    email: string;
    phone: string;
    url: string;
    summary: string;
    location: { city: string; countryCode: string };
    profiles: { url: string }[];
  };
  work: { name: string; position: string; startDate?: string; endDate?: string; summary?: string; highlights?: string[] }[];
  skills: { name: string; keywords: string[] }[];
  education: { institution: string; area: string; studyType: string; startDate?: string; endDate?: string }[];
}

const escapeHtml = (text: string): string => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const dates = (e: { startDate?: string; endDate?: string }): string =>
  e.startDate ? `${e.startDate.replace('-', '.')} – ${e.endDate ? e.endDate.replace('-', '.') : '현재'}` : '';

/** `fontFiles`: weight → absolute path of a Pretendard TTF, loaded by @font-face from file://. */
export function resumeHtml(resume: BenchResume, fontFiles: Record<number, string>): string {
  const b = resume.basics;
  const fontFaces = Object.entries(fontFiles)
    .map(([weight, file]) => `@font-face { font-family: Pretendard; font-weight: ${weight}; src: url('${pathToFileURL(file).href}') format('truetype'); }`)
    .join('\n');
  const contacts = [b.email, b.phone, b.url, `${b.location.city}, ${b.location.countryCode}`, ...b.profiles.map((p) => p.url.replace('https://', ''))];
  return `<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><title>${escapeHtml(b.name)} 이력서</title>
<style>
${fontFaces}
@page { size: A4; margin: 46pt 50pt 50pt 50pt; }
body { margin: 0; font-family: Pretendard; font-size: 9.3pt; line-height: 1.6; letter-spacing: -0.1pt; color: #1d232b; word-break: keep-all; }
h1 { font-size: 24pt; margin: 0; line-height: 1.2; }
.headline { font-size: 11.5pt; color: #1f4e8c; }
.small { font-size: 8.3pt; color: #5b6673; }
h2 { font-size: 12pt; color: #1f4e8c; margin: 15pt 0 6pt; padding-bottom: 3pt; border-bottom: 0.8pt solid #c9d3df; break-after: avoid; }
.entry { margin-bottom: 9pt; }
.title { display: flex; justify-content: space-between; font-size: 10.5pt; font-weight: 600; break-after: avoid; }
ul { margin: 0; padding-left: 10pt; } li { margin-top: 2pt; } li::marker { color: #1f4e8c; }
table { border-collapse: collapse; } td { padding: 0 0 3pt 0; vertical-align: top; } td:first-child { width: 110pt; font-weight: 600; }
</style></head><body>
<h1>${escapeHtml(b.name)}</h1>
<div class="headline">${escapeHtml(b.label)}</div>
<div class="small">${contacts.map(escape).join('&nbsp;&nbsp;·&nbsp;&nbsp;')}</div>
<h2>소개</h2><p>${escapeHtml(b.summary)}</p>
<h2>경력</h2>
${resume.work
  .map(
    (
      w,
    ) => `<div class="entry"><div class="title"><span>${escapeHtml(w.position)} <span class="small">${escapeHtml(w.name)}</span></span><span class="small">${dates(w)}</span></div>
${w.summary ? `<div>${escapeHtml(w.summary)}</div>` : ''}${w.highlights?.length ? `<ul>${w.highlights.map((h) => `<li>${escapeHtml(h)}</li>`).join('')}</ul>` : ''}</div>`,
  )
  .join('\n')}
<h2>기술</h2>
<table>${resume.skills.map((s) => `<tr><td>${escapeHtml(s.name)}</td><td>${escapeHtml(s.keywords.join(', '))}</td></tr>`).join('')}</table>
<h2>학력</h2>
${resume.education.map((e) => `<div class="title"><span>${escapeHtml(e.institution)} <span class="small">${escapeHtml(`${e.area} ${e.studyType}`)}</span></span><span class="small">${dates(e)}</span></div>`).join('\n')}
</body></html>
`;
}
