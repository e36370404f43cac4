import type { DataPath } from '../load/parseYaml.js';
import type { Photo } from '../validate/checkPhoto.js';
import type { Lang, Text } from '../validate/schema/primitives.js';
import { SECTION_KEYS, type Highlight, type Resume, type SectionKey } from '../validate/schema/resume.js';
import type { Role } from '../validate/schema/role.js';
import { documentLanguage } from './documentLanguage.js';
import { DOCUMENT_NAMES, LABELS, SECTION_TITLES, localize } from './i18n.js';
import type { ChosenSection, Contact, Decision, EntryModel, ResumeModel, SectionModel } from './model.js';
import { entryLabel, toEntryModel, type AnyEntry } from './toEntryModel.js';

export interface TailorOptions {
  roleId: string;
  /** Overrides the role's language (see documentLanguage). */
  lang?: Lang;
  /** The photo as checked (validate/checkPhoto); none: no photo is drawn. */
  photo?: Photo;
  creationDate: Date;
}

/**
 * The tailoring step: resume + role → the resolved model a theme draws, and the list of
 * decisions that got there. Pure: no I/O, same input, same output.
 */
export function tailorResume(
  resume: Resume,
  role: Role | undefined,
  options: TailorOptions,
): { model: ResumeModel; decisions: Decision[]; chosen: ChosenSection[] } {
  const lang = documentLanguage(resume, role, options.lang).lang;
  const t = (value: Text | undefined) => localize(value, lang);
  const decisions: Decision[] = [];
  const basics = resume.basics ?? {};
  const name = t(basics.name) ?? '';
  const target = role ? { company: t(role.target.company) ?? '', position: t(role.target.position) ?? '' } : undefined;

  if (role?.headline) decisions.push({ section: 'basics', subject: 'headline', action: 'overridden', reason: 'the role sets its own headline' });
  if (role?.summary) decisions.push({ section: 'basics', subject: 'summary', action: 'overridden', reason: 'the role sets its own summary' });

  const sectionKeys = role?.sections ?? SECTION_KEYS;
  if (role?.sections) {
    for (const key of SECTION_KEYS) {
      if (!role.sections.includes(key) && (resume[key]?.length ?? 0) > 0)
        decisions.push({ section: key, subject: `section ${key}`, action: 'dropped', reason: "not in the role's `sections` list", path: [key] });
    }
  }
  const blind = role?.blind === true;
  if (blind && options.photo) decisions.push({ section: 'basics', subject: 'photo', action: 'dropped', reason: BLIND_REASON, path: ['basics', 'image'] });
  if (blind && resume.basics?.location)
    decisions.push({
      section: 'basics',
      subject: 'location',
      action: 'dropped',
      reason: `${BLIND_REASON}: a place can tell the hometown`,
      path: ['basics', 'location'],
    });
  const sections: SectionModel[] = [];
  const chosen: ChosenSection[] = [];
  for (const key of sectionKeys) {
    const raw = (resume[key] ?? []) as AnyEntry[];
    const kept = tailorSection(key, blind ? raw.map((entry, i) => withoutSchool(key, entry, i, decisions)) : raw, role, lang, decisions);
    if (kept.length === 0) continue;
    sections.push({ key, title: SECTION_TITLES[key][lang], entries: kept.map((k) => k.model) });
    chosen.push({ key, entries: kept.map((k) => ({ entry: k.entry, highlights: k.model.highlights })) });
  }

  const documentName = DOCUMENT_NAMES.resume[lang];
  const model: ResumeModel = {
    lang,
    roleId: options.roleId,
    target,
    person: {
      name,
      headline: t(role?.headline) ?? t(basics.label),
      image: blind ? undefined : options.photo,
      contacts: contactsOf(resume, lang).filter((c) => !(blind && c.kind === 'location')),
    },
    summary: t(role?.summary) ?? t(basics.summary),
    sections,
    labels: LABELS[lang],
    meta: {
      title: [name, target?.position, documentName].filter(Boolean).join(' — '),
      author: name,
      subject: target ? `${target.company} ${target.position}` : documentName,
      // What a recruiter's search would match: the target and the skills (focus tags are internal names).
      keywords: [
        ...new Set([target?.position, target?.company, ...(resume.skills ?? []).flatMap((s) => s.keywords ?? [])].filter((k): k is string => Boolean(k))),
      ],
      language: lang === 'ko' ? 'ko-KR' : 'en-US',
      creationDate: options.creationDate,
    },
  };
  return { model, decisions, chosen };
}

/** 블라인드 채용: what the role's `blind: true` leaves out of every document. */
export const BLIND_REASON = 'blind: true (블라인드 채용)';

/** An education entry without its school: the degree and field are shown, the institution and its link are not. */
function withoutSchool(key: SectionKey, entry: AnyEntry, i: number, decisions: Decision[]): AnyEntry {
  if (key !== 'education' || !('institution' in entry) || entry.institution === undefined) return entry;
  decisions.push({
    section: key,
    subject: entryLabel(key, entry),
    action: 'overridden',
    reason: `${BLIND_REASON}: the school name is left out`,
    path: [key, i, 'institution'],
  });
  const { institution: _school, url: _link, ...rest } = entry as AnyEntry & { institution?: unknown; url?: unknown };
  return rest as AnyEntry;
}

/** Focus score: each matching tag counts, earlier focus tags count more. */
function scoreOf(tags: readonly string[] | undefined, focus: readonly string[]): number {
  return (tags ?? []).reduce((sum, tag) => {
    const i = focus.indexOf(tag);
    return i < 0 ? sum : sum + (focus.length - i);
  }, 0);
}

/** Tagged, matching no focus tag, not explicitly included: the filter mode drops it. */
const filteredOut = (tags: readonly string[] | undefined, role: Role | undefined, id: string | undefined): boolean =>
  role?.focus?.mode === 'filter' &&
  (role.focus.tags.length ?? 0) > 0 &&
  (tags?.length ?? 0) > 0 &&
  scoreOf(tags, role.focus.tags) === 0 &&
  !(id && role.include?.includes(id));

/** The section's entries the role keeps, in order: each as drawn, and as in the data with the role's overrides. */
function tailorSection(
  key: SectionKey,
  entries: AnyEntry[],
  role: Role | undefined,
  lang: Lang,
  decisions: Decision[],
): { model: EntryModel; entry: AnyEntry }[] {
  const focus = role?.focus?.tags ?? [];
  const decide = (entry: AnyEntry, action: Decision['action'], reason: string) =>
    decisions.push({ section: key, subject: entryLabel(key, entry), action, reason, path: [key, entries.indexOf(entry)] });

  let kept = entries.filter((entry) => {
    if (entry.id && role?.exclude?.includes(entry.id)) return (decide(entry, 'dropped', 'the role excludes it'), false);
    if (filteredOut(entry.tags, role, entry.id)) return (decide(entry, 'dropped', `its tags (${entry.tags!.join(', ')}) match none of the focus tags`), false);
    return true;
  });

  // Each entry's position before ranking, by identity: indexOf per entry was quadratic (100,000 skills: 2 s).
  const before = new Map(kept.map((entry, i) => [entry, i]));
  if (focus.length > 0 && role?.focus?.rankSections.includes(key)) {
    kept = kept
      .map((entry, i) => ({ entry, i, score: scoreOf(entry.tags, focus) }))
      .sort((a, b) => b.score - a.score || a.i - b.i)
      .map((x) => x.entry);
  }
  const ordered = role?.order?.[key] ?? [];
  if (ordered.length > 0) {
    const rank = (e: AnyEntry) => (e.id && ordered.includes(e.id) ? ordered.indexOf(e.id) : ordered.length);
    kept = kept
      .map((entry, i) => ({ entry, i }))
      .sort((a, b) => rank(a.entry) - rank(b.entry) || a.i - b.i)
      .map((x) => x.entry);
  }
  kept.forEach((entry, i) => {
    const from = before.get(entry)!;
    if (from !== i)
      decide(
        entry,
        'moved',
        `position ${from + 1} → ${i + 1} (${entry.id && ordered.includes(entry.id) ? 'the role orders it' : `focus score ${scoreOf(entry.tags, focus)}`})`,
      );
  });

  const cap = role?.limits?.entries?.[key];
  if (cap !== undefined) {
    const capped = capKeepingIncluded(kept, cap, role);
    kept.filter((e) => !capped.includes(e)).forEach((entry) => decide(entry, 'capped', `the role shows at most ${cap} ${key} entries`));
    kept = capped;
  }

  return kept.map((entry) => {
    const overridden = applyOverrides(entry, role);
    if (overridden !== entry) decide(entry, 'overridden', `the role replaces ${Object.keys(role!.overrides![entry.id!]!).join(', ')}`);
    const highlights =
      'highlights' in entry ? tailorHighlights(key, entryLabel(key, entry), [key, entries.indexOf(entry)], entry.highlights ?? [], role, lang, decisions) : [];
    return { model: toEntryModel(key, overridden, lang, highlights), entry: overridden };
  });
}

/**
 * The first `cap` items in rank order, except that ids the role explicitly includes are always
 * kept (and take their place from the lowest-ranked others).
 */
function capKeepingIncluded<T extends { id?: string }>(ranked: T[], cap: number, role: Role | undefined): T[] {
  const included = (item: T) => Boolean(item.id && role?.include?.includes(item.id));
  let room = Math.max(0, cap - ranked.filter(included).length);
  return ranked.filter((item) => included(item) || room-- > 0);
}

function applyOverrides(entry: AnyEntry, role: Role | undefined): AnyEntry {
  const fields = entry.id ? role?.overrides?.[entry.id] : undefined;
  return fields ? ({ ...entry, ...fields } as AnyEntry) : entry;
}

function tailorHighlights(
  key: SectionKey,
  owner: string,
  ownerPath: DataPath,
  highlights: Highlight[],
  role: Role | undefined,
  lang: Lang,
  decisions: Decision[],
): string[] {
  const focus = role?.focus?.tags ?? [];
  const items = highlights.map((h, i) => (typeof h === 'string' ? { text: h as Text, id: undefined, tags: undefined, i } : { ...h, i }));
  const label = (h: (typeof items)[number]) => `${owner} › ${h.id ?? `highlight ${h.i + 1}`}`;
  const decide = (h: (typeof items)[number], action: Decision['action'], reason: string) =>
    decisions.push({ section: key, subject: label(h), action, reason, path: [...ownerPath, 'highlights', h.i] });

  let kept = items.filter((h) => {
    if (h.id && role?.exclude?.includes(h.id)) return (decide(h, 'dropped', 'the role excludes it'), false);
    if (filteredOut(h.tags, role, h.id)) return (decide(h, 'dropped', `its tags (${h.tags!.join(', ')}) match none of the focus tags`), false);
    return true;
  });
  if (focus.length > 0) {
    const ranked = kept
      .map((h) => ({ h, score: scoreOf(h.tags, focus) }))
      .sort((a, b) => b.score - a.score || a.h.i - b.h.i)
      .map((x) => x.h);
    ranked.forEach((h, i) => {
      if (kept[i] !== h) decide(h, 'moved', `ranked ${i + 1} by focus score ${scoreOf(h.tags, focus)}`);
    });
    kept = ranked;
  }
  const cap = role?.limits?.highlights;
  if (cap !== undefined) {
    const capped = capKeepingIncluded(kept, cap, role);
    kept.filter((h) => !capped.includes(h)).forEach((h) => decide(h, 'capped', `the role shows at most ${cap} highlights per entry`));
    kept = capped;
  }
  return kept.map((h) => {
    const override = h.id ? role?.overrides?.[h.id]?.text : undefined;
    if (override !== undefined) decide(h, 'overridden', 'the role replaces its text');
    return localize(override ?? h.text, lang) ?? '';
  });
}

function contactsOf(resume: Resume, lang: Lang): Contact[] {
  const b = resume.basics ?? {};
  const contacts: Contact[] = [];
  if (b.email) contacts.push({ kind: 'email', text: b.email, href: b.email.includes('@') && !b.email.includes('[') ? `mailto:${b.email}` : undefined });
  if (b.phone) contacts.push({ kind: 'phone', text: b.phone, href: /^[+\d][\d\s-]+$/.test(b.phone) ? `tel:${b.phone.replace(/[\s-]/g, '')}` : undefined });
  if (b.url) contacts.push({ kind: 'url', text: b.url.replace(/^https?:\/\//, ''), href: linkable(b.url) });
  const place = [localize(b.location?.city, lang), localize(b.location?.region, lang), b.location?.countryCode].filter(Boolean).join(', ');
  if (place) contacts.push({ kind: 'location', text: place });
  for (const p of b.profiles ?? []) {
    const text = p.url ? p.url.replace(/^https?:\/\//, '') : [p.network, p.username].filter(Boolean).join(' ');
    if (text) contacts.push({ kind: 'profile', text, href: linkable(p.url) });
  }
  return contacts;
}

const linkable = (url: string | undefined): string | undefined => (url && /^https?:\/\//.test(url) ? url : undefined);
