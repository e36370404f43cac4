import type { ChosenSection, ResumeModel } from '../tailor/model.js';
import type { Resume } from '../validate/schema/resume.js';
import type { ExportFormat } from './formats.js';
import { toJsonResume } from './toJsonResume.js';
import { toMarkdown } from './toMarkdown.js';
import { toPlainText } from './toPlainText.js';

/** What the tailor step made for a role: the model the PDF draws and the same entries in the data's shape. */
export interface TailoredResume {
  model: ResumeModel;
  chosen: readonly ChosenSection[];
}

export interface ExportedResume {
  format: ExportFormat;
  content: string;
  /** What the format could not hold (a placeholder in a URL field, a local photo), for the user. */
  notes: string[];
}

/**
 * The role's tailored resume in a text format: exactly the entries, texts and order of the PDF,
 * since every format is written from the tailored model the PDF is drawn from (before the
 * characters no font draws are left out of the PDF: the text keeps them).
 */
export function exportResume(format: ExportFormat, resume: Resume, tailored: TailoredResume): ExportedResume {
  switch (format) {
    case 'jsonresume': {
      const { document, notes } = toJsonResume(resume, tailored.model, tailored.chosen);
      return { format, content: `${JSON.stringify(document, null, 2)}\n`, notes };
    }
    case 'markdown':
      return { format, content: toMarkdown(tailored.model), notes: [] };
    case 'text':
      return { format, content: toPlainText(tailored.model), notes: [] };
    default: {
      const unknown: never = format;
      throw new Error(`no exporter for format ${String(unknown)}`);
    }
  }
}
