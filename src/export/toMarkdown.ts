import type { EntryModel, ResumeModel } from '../tailor/model.js';

/**
 * The tailored resume as Markdown (CommonMark + GFM), for a site or a gist: the name as the
 * title, one `##` section per section of the PDF, one `###` heading per entry, highlights as a
 * list, links where the PDF has them. Every text is escaped, so a `*` or `_` in the data is shown,
 * never read as markup.
 */
export function toMarkdown(model: ResumeModel): string {
  const blocks: string[] = [`# ${escaped(model.person.name)}`];
  if (model.person.headline) blocks.push(`**${escaped(model.person.headline)}**`);
  const contacts = model.person.contacts.map((c) => (c.href ? link(c.text, c.href) : escaped(c.text)));
  if (contacts.length > 0) blocks.push(contacts.join(' · '));
  if (model.summary) blocks.push(`## ${escaped(model.labels.summary)}`, paragraph(model.summary));
  for (const section of model.sections) {
    blocks.push(`## ${escaped(section.title)}`);
    for (const entry of section.entries) blocks.push(...entryBlocks(entry));
  }
  return `${blocks.join('\n\n')}\n`;
}

function entryBlocks(entry: EntryModel): string[] {
  const title = entry.url ? link(entry.title, entry.url) : escaped(entry.title);
  const blocks = [`### ${[title, entry.subtitle && escaped(entry.subtitle)].filter(Boolean).join(' — ')}`];
  const facts = [entry.dates, entry.detail].filter(Boolean).map((f) => escaped(f!));
  if (facts.length > 0) blocks.push(`*${facts.join(' · ')}*`);
  if (entry.summary) blocks.push(paragraph(entry.summary));
  if (entry.highlights.length > 0) blocks.push(entry.highlights.map((h) => `- ${paragraph(h).replace(/\n/g, '\n  ')}`).join('\n'));
  if (entry.keywords.length > 0) blocks.push(entry.keywords.map(escaped).join(', '));
  return blocks;
}

/** Paragraphs of the data stay paragraphs; a single line break stays a line break (two spaces would be invisible). */
const paragraph = (text: string): string =>
  text
    .trim()
    .split(/\n{2,}/)
    .map((p) => p.split('\n').map(escaped).join('\\\n'))
    .join('\n\n');

const link = (text: string, href: string): string => `[${escaped(text)}](<${href.replace(/[<>\s]/g, encodeURIComponent)}>)`;

/**
 * Markdown's punctuation escaped where it could start markup: inline marks anywhere, and at the
 * start of a line what would make it a heading, a list, a quote or a table.
 */
const escaped = (text: string): string => text.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`).replace(/^(\s*)(\d*)([#+\-=>.)])(?=\s|$)/, '$1$2\\$3');
