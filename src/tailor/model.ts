import type { DataPath } from '../load/parseYaml.js';
import type { Lang } from '../validate/schema/primitives.js';
import type { SectionKey } from '../validate/schema/resume.js';
import type { AnyEntry } from './toEntryModel.js';

/**
 * The resolved resume a theme draws: plain strings in one language, already filtered,
 * ordered and capped for the role. Nothing downstream looks at the raw data again.
 */
export interface ResumeModel {
  lang: Lang;
  /** `master` for the untailored build. */
  roleId: string;
  target?: { company: string; position: string };
  person: PersonModel;
  /** The summary paragraph (role override or basics.summary). */
  summary?: string;
  sections: SectionModel[];
  labels: Labels;
  meta: DocumentMeta;
}

export interface PersonModel {
  name: string;
  headline?: string;
  /** A local PNG/JPEG photo: its absolute path, or the bytes of its opaque copy (validate/checkPhoto). */
  image?: string | Buffer;
  contacts: Contact[];
}

export interface Contact {
  kind: 'email' | 'phone' | 'url' | 'location' | 'profile';
  text: string;
  href?: string;
}

export interface SectionModel {
  key: SectionKey;
  title: string;
  entries: EntryModel[];
}

/** Every section's entries share one shape so that a theme needs one way to draw an entry. */
export interface EntryModel {
  id?: string;
  title: string;
  subtitle?: string;
  /** Secondary facts on the title line: location, issuer, level. */
  detail?: string;
  dates?: string;
  url?: string;
  summary?: string;
  highlights: string[];
  keywords: string[];
}

export interface Labels {
  summary: string;
  contact: string;
  page: string;
  /** The document's name in the page footer: 이력서, Resume. */
  document: string;
  /** Before the role applied for: 지원 분야 (position · company), Applying for … */
  applyingFor: string;
}

export interface DocumentMeta {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  language: string;
  creationDate: Date;
}

/** One tailoring decision, for `explain`. */
export interface Decision {
  section: SectionKey | 'basics' | 'portfolio';
  /** The entry or highlight, as the user would recognise it (id, else its title). */
  subject: string;
  action: 'kept' | 'dropped' | 'moved' | 'overridden' | 'capped';
  reason: string;
  /** Where the entry, highlight or section is in the resume data (`['work', 0, 'highlights', 4]`): what `match` says a dropped term was dropped by. */
  path?: DataPath;
}

/**
 * A section's kept entries as the data has them — the same entries, in the same order, as the
 * model's section — with the role's overrides applied and the highlights as tailored (ranked,
 * capped, overridden, in the model's language): what an export in the data's own shape (JSON
 * Resume) writes, so that it holds exactly what the PDF shows.
 */
export interface ChosenSection {
  key: SectionKey;
  entries: { entry: AnyEntry; highlights: string[] }[];
}
