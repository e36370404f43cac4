import type { Problem } from '../core/problems.js';
import { renderDocument } from '../render/renderDocument.js';
import { checkAtsView } from '../verify/atsView.js';
import { readPdfText } from '../verify/pdfText.js';
import { makeResume } from './documents.js';
import { MASTER, prepare } from './prepare.js';
import { roleContext } from './renderRole.js';

export interface AtsReport {
  roleId: string;
  /** How many facts were looked for, in each reading order. */
  items: number;
  problems: Problem[];
}

/**
 * `check --ats`: each role's resume rendered (nothing written) and read as an applicant-tracking
 * system reads it, in content order and in layout order (verify/atsView.ts). Imports React-PDF:
 * the check command imports this module only with --ats.
 */
export async function checkAts(dataDir: string, roles: readonly string[]): Promise<AtsReport[]> {
  const ids = roles.length > 0 ? roles : [MASTER];
  const prepared = prepare({ dataDir, roles: [...ids] });
  const reports: AtsReport[] = [];
  for (const roleId of ids) {
    const doc = makeResume(roleContext(prepared, roleId));
    const pdf = await renderDocument(doc);
    const expected = doc.ats!;
    reports.push({ roleId, items: expected.length, problems: checkAtsView(readPdfText(pdf), expected, `${roleId} resume`) });
  }
  return reports;
}
