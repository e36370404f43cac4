import { BOLD_PATTERN } from '../../validate/schema/application.js';

/**
 * What a web form's answer can hold, read from the text as the user wrote it: paragraphs (a
 * blank line between them), lines inside a paragraph, list items (`- `, `1. `) and `**bold**`.
 * The list markers are kept as written — they are part of what the form receives.
 */
export interface AnswerLine {
  /** `-` or `1.` for a list item, as written; undefined for a plain line. */
  marker?: string;
  runs: { text: string; bold: boolean }[];
}

export type AnswerParagraph = AnswerLine[];

const LIST_ITEM = /^([-*•]|\d{1,2}[.)])\s+(.*)$/s;

export function answerStructure(text: string): AnswerParagraph[] {
  return text
    .split(/\n[ \t]*\n+/)
    .filter((p) => p.trim() !== '')
    .map((paragraph) =>
      paragraph.split('\n').map((line): AnswerLine => {
        const item = LIST_ITEM.exec(line);
        return item ? { marker: item[1], runs: boldRuns(item[2]!) } : { runs: boldRuns(line) };
      }),
    );
}

/** `a **b** c` → runs a / b (bold) / c. An unpaired `**` is text. */
function boldRuns(line: string): AnswerLine['runs'] {
  const runs: AnswerLine['runs'] = [];
  let last = 0;
  for (const m of line.matchAll(BOLD_PATTERN)) {
    if (m.index > last) runs.push({ text: line.slice(last, m.index), bold: false });
    runs.push({ text: m[1]!, bold: true });
    last = m.index + m[0].length;
  }
  if (last < line.length || runs.length === 0) runs.push({ text: line.slice(last), bold: false });
  return runs;
}
