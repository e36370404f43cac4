import type { EntryModel, ResumeModel } from '../tailor/model.js';
import { countCharacters } from '../validate/countCharacters.js';

const n = (value: number): string => value.toLocaleString('en-US');

/** How a block's count is labelled: the way the answers are counted (공백 포함 / 제외). */
const COUNT_LABEL = {
  ko: (withSpaces: number, withoutSpaces: number) => `${n(withSpaces)}자 (공백 포함) · ${n(withoutSpaces)}자 (공백 제외)`,
  en: (withSpaces: number, withoutSpaces: number) => `${n(withSpaces)} characters with spaces · ${n(withoutSpaces)} without`,
} as const;

const RULE = '='.repeat(8);

/**
 * The tailored resume as plain text laid out for the text boxes of application forms: one block
 * per section (the person, the summary, then each section of the PDF), no markup, each headed by
 * its title and its count — characters with and without spaces, counted as the answers are
 * (validate/countCharacters.ts) — so a block can be pasted into a box with a limit as it is.
 */
export function toPlainText(model: ResumeModel): string {
  const blocks: { title: string; body: string }[] = [];
  // A link is written whole (https://…): a form's text box does not make `example.com` a link.
  const person = [
    model.person.name,
    model.person.headline,
    model.person.contacts.map((c) => (c.kind === 'url' || c.kind === 'profile' ? (c.href ?? c.text) : c.text)).join(' · '),
  ];
  blocks.push({ title: model.labels.contact, body: person.filter(Boolean).join('\n') });
  if (model.summary) blocks.push({ title: model.labels.summary, body: model.summary.trim() });
  for (const section of model.sections) {
    const entries = section.entries.map(entryText);
    // One-line entries (skills, languages) are a list; entries of several lines are set apart by a blank line.
    blocks.push({ title: section.title, body: entries.join(entries.some((e) => e.includes('\n')) ? '\n\n' : '\n') });
  }
  const label = COUNT_LABEL[model.lang];
  return `${blocks
    .map(({ title, body }) => {
      const counts = countCharacters(body);
      return `${RULE} ${title} · ${label(counts.withSpaces, counts.withoutSpaces)} ${RULE}\n${body}`;
    })
    .join('\n\n')}\n`;
}

function entryText(entry: EntryModel): string {
  const lines = [[entry.title, entry.subtitle].filter(Boolean).join(' — ')];
  const facts = [entry.dates, entry.detail, entry.url].filter(Boolean).join(' · ');
  if (facts) lines.push(facts);
  if (entry.summary) lines.push(entry.summary.trim());
  for (const h of entry.highlights) lines.push(`- ${h.trim()}`);
  if (entry.keywords.length > 0) lines.push(entry.keywords.join(', '));
  return lines.join('\n');
}
