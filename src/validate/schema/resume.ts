import * as z from 'zod';
import { email, endDate, entryExtensions, id, isoDate, tags, text, url } from './primitives.js';

/**
 * The resume file: every field of JSON Resume v1.0.0, plus our extensions (marked below).
 * Unknown keys are allowed and ignored, as JSON Resume allows them; a valid JSON Resume
 * document therefore always validates.
 */

/** A highlight is a plain string (JSON Resume) or, as an extension, an object with id and tags. */
export const highlight = z.union([z.string(), z.object({ text, id: id.optional(), tags: tags.optional() })], { error: 'expected text or {text, id, tags}' });
export type Highlight = z.infer<typeof highlight>;

const highlights = z.array(highlight);
const location = z.object({
  address: text.optional(),
  postalCode: z.string().optional(),
  city: text.optional(),
  countryCode: z.string().optional(),
  region: text.optional(),
});
const profile = z.object({ network: z.string().optional(), username: z.string().optional(), url: url.optional() });

export const basics = z.object({
  name: text.optional(),
  label: text.optional(),
  image: z.string().optional(),
  email: email.optional(),
  phone: z.string().optional(),
  url: url.optional(),
  summary: text.optional(),
  location: location.optional(),
  profiles: z.array(profile).optional(),
});

const dated = { startDate: isoDate.optional(), endDate };

export const work = z.object({
  ...entryExtensions,
  name: text.optional(),
  location: text.optional(),
  description: text.optional(),
  position: text.optional(),
  url: url.optional(),
  ...dated,
  summary: text.optional(),
  highlights: highlights.optional(),
});
export const volunteer = z.object({
  ...entryExtensions,
  organization: text.optional(),
  position: text.optional(),
  url: url.optional(),
  ...dated,
  summary: text.optional(),
  highlights: highlights.optional(),
});
export const education = z.object({
  ...entryExtensions,
  institution: text.optional(),
  url: url.optional(),
  area: text.optional(),
  studyType: text.optional(),
  ...dated,
  score: z.string().optional(),
  courses: z.array(text).optional(),
});
export const award = z.object({ ...entryExtensions, title: text.optional(), date: isoDate.optional(), awarder: text.optional(), summary: text.optional() });
export const certificate = z.object({ ...entryExtensions, name: text.optional(), date: isoDate.optional(), url: url.optional(), issuer: text.optional() });
export const publication = z.object({
  ...entryExtensions,
  name: text.optional(),
  publisher: text.optional(),
  releaseDate: isoDate.optional(),
  url: url.optional(),
  summary: text.optional(),
});
export const skill = z.object({ ...entryExtensions, name: text.optional(), level: text.optional(), keywords: z.array(z.string()).optional() });
export const language = z.object({ ...entryExtensions, language: text.optional(), fluency: text.optional() });
export const interest = z.object({ ...entryExtensions, name: text.optional(), keywords: z.array(z.string()).optional() });
export const reference = z.object({ ...entryExtensions, name: text.optional(), reference: text.optional() });
export const project = z.object({
  ...entryExtensions,
  name: text.optional(),
  description: text.optional(),
  highlights: highlights.optional(),
  keywords: z.array(z.string()).optional(),
  ...dated,
  url: url.optional(),
  roles: z.array(text).optional(),
  entity: text.optional(),
  type: text.optional(),
});

/** Extension: 병역 (military service), a section Korean resumes carry and JSON Resume lacks. */
export const military = z.object({
  ...entryExtensions,
  status: text.optional(),
  branch: text.optional(),
  rank: text.optional(),
  ...dated,
  summary: text.optional(),
});

export const meta = z.object({ canonical: url.optional(), version: z.string().optional(), lastModified: z.string().optional() });

export const resumeSchema = z.object({
  $schema: z.string().optional(),
  basics: basics.optional(),
  work: z.array(work).optional(),
  volunteer: z.array(volunteer).optional(),
  education: z.array(education).optional(),
  awards: z.array(award).optional(),
  certificates: z.array(certificate).optional(),
  publications: z.array(publication).optional(),
  skills: z.array(skill).optional(),
  languages: z.array(language).optional(),
  interests: z.array(interest).optional(),
  references: z.array(reference).optional(),
  projects: z.array(project).optional(),
  military: z.array(military).optional(),
  meta: meta.optional(),
});

export type Resume = z.infer<typeof resumeSchema>;

/** The sections that hold lists of entries, in the order a resume shows them by default. */
export const SECTION_KEYS = [
  'work',
  'projects',
  'skills',
  'education',
  'certificates',
  'awards',
  'publications',
  'volunteer',
  'military',
  'languages',
  'interests',
  'references',
] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];
export const sectionKeySchema = z.enum(SECTION_KEYS);
