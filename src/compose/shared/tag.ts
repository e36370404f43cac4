/**
 * What a drawn element is, for the PDF's structure tree (tagged PDF, PDF/UA-1): the props to
 * spread on a React-PDF primitive, `<Text {...tag('H2')}>`, read where the patched renderer
 * draws the node (src/render/tagging/). React-PDF keeps unknown props on its nodes and copies
 * them when it splits a node across pages, so the one object made here for one element (never
 * shared: call tag() once per element) is how every piece of a split element finds its
 * structure element again.
 *
 * Untagged, a `Text` is a paragraph (`P`), a `View` adds no element of its own, a `Link` is a
 * `Link`, an image is an Artifact (decoration), and every `fixed` element (running headers,
 * footers, page numbers, page-wide backgrounds) is an Artifact.
 */
export type StructureRole =
  | 'Sect'
  | 'Aside'
  | 'H1'
  | 'H2'
  | 'H3'
  | 'H4'
  | 'H5'
  | 'H6'
  | 'P'
  | 'L'
  | 'LI'
  | 'Lbl'
  | 'LBody'
  | 'Table'
  | 'TR'
  | 'TH'
  | 'TD'
  | 'Figure'
  | 'Code'
  | 'BlockQuote'
  | 'Note'
  | 'TOC'
  | 'TOCI'
  /** Drawn for the eye only (a bullet glyph, a rule made of text): left out of the structure. */
  | 'Artifact';

export interface StructureTag {
  role: StructureRole;
  /** A Figure's text alternative. */
  alt?: string;
  /** The language of an element in another language than the document's (BCP 47). */
  lang?: string;
  /** A table header cell's scope. */
  scope?: 'Row' | 'Column';
  /**
   * The element this one belongs to when no drawn node holds them all (the bullets of an entry
   * are drawn in several unbreakable parts: each LI names the entry's one L), made where the
   * first of them is drawn: a `structure()` object shared by the children.
   */
  parent?: StructureTag;
}

/** The prop the renderer reads. */
export const TAG_PROP = 'pdfTag';

/** A structure element of its own, for `parent` (one object per element). */
export const structure = (role: StructureRole): StructureTag => ({ role });

/** The heading role of a level, 1 to 6 (deeper levels are H6). */
export const headingRole = (level: number): StructureRole => `H${Math.min(6, Math.max(1, level))}` as StructureRole;

/** Props to spread on the primitive (React-PDF's types do not list them, hence `object`). */
export const tag = (role: StructureRole, options: Omit<StructureTag, 'role'> = {}): object => ({ [TAG_PROP]: { role, ...options } satisfies StructureTag });
