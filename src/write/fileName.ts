import type { DocumentKind } from './manifest.js';

/**
 * `신춘호-KREAM-데이터엔지니어-resume.pdf`: whose, which role, which document, readable in a
 * recruiter's downloads folder. Characters that file systems or upload forms reject are dropped.
 */
export function documentFileName(parts: { name: string; company?: string; position?: string; kind: DocumentKind }, ext = 'pdf'): string {
  const words = [parts.name, parts.company, parts.position, parts.kind].filter((w): w is string => Boolean(w)).map(clean).filter(Boolean);
  return `${words.join('-')}.${ext}`;
}

const clean = (word: string): string =>
  word
    .normalize('NFC')
    .replace(/\[TODO[^\]]*\]/g, '')
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '')
    .trim()
    .replace(/\s+/g, '_');
