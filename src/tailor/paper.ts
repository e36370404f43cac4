import type { Lang } from '../validate/schema/primitives.js';
import type { Resume } from '../validate/schema/resume.js';
import type { Role } from '../validate/schema/role.js';
import type { PageSize, Theme } from '../validate/schema/theme.js';
import { documentLanguage } from './documentLanguage.js';

/** Where offices print on Letter, not A4 (ISO 3166-1 codes). */
const LETTER_COUNTRIES = new Set(['US', 'CA']);

/** The paper a role's documents are laid out on, and why (for explain). */
export interface PaperChoice {
  size: PageSize;
  reason: string;
}

/**
 * A role's paper: its `paper:`, else Letter for an English role whose target is in the US or
 * Canada (a recruiter there prints on Letter, and an A4 page loses its foot), else the theme's
 * `page.size`. The language is the documents' (documentLanguage: --lang, the role's lang:, its text…).
 */
export function choosePaper(theme: Theme, resume: Resume, role: Role | undefined, override: Lang | undefined): PaperChoice {
  const { lang } = documentLanguage(resume, role, override);
  if (role?.paper) return { size: role.paper, reason: "the role's paper:" };
  const country = role?.target.country?.toUpperCase();
  if (lang === 'en' && country && LETTER_COUNTRIES.has(country)) return { size: 'LETTER', reason: `an English role in ${country}` };
  return { size: theme.page.size, reason: `the theme ${theme.name}'s page.size` };
}

/** The theme with its page on `size`: what every document of the role is composed, verified and cached with. */
export const onPaper = (theme: Theme, size: PageSize): Theme => (size === theme.page.size ? theme : { ...theme, page: { ...theme.page, size } });

/** A page size as a user writes it. */
export const paperName = (size: PageSize): string => (size === 'LETTER' ? 'Letter' : size);
