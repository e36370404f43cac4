import { TAG_PROP, type StructureTag } from '../../compose/shared/tag.js';
import { HANGUL_LETTER } from '../../core/langs.js';

/*
 * The structure tree and marked content of one tagged document, built while React-PDF draws it.
 * The patched renderer (scripts/patchReactPdf.mjs) calls one method per drawing step with the
 * step's subject and a `draw` that draws it; each marks what `draw` writes:
 *
 * - node: a React-PDF node and all it draws. A tagged node opens its structure element (found
 *   again by its tag object when the node was split across pages) for what its children draw;
 *   a `Link` opens a Link element, ended as soon as the node is drawn (pdfkit writes the page of
 *   a link's OBJR when the element is flushed: ended later, every link pointed at the last page);
 *   a `fixed` node, drawn again on every page, and an `Artifact` node are Artifacts, all of them.
 * - decoration: backgrounds, borders, a run's background, underlines: Artifacts.
 * - content: what a node draws itself. A Text's runs belong to its element (a `P` when untagged),
 *   an image to its Figure (an Artifact when untagged).
 * - run: one run of text; a run with a link is a Link element of its own inside the text's.
 *
 * Marked-content sequences never nest (pdfkit's markContent ends open ones when another starts):
 * at most one is open. It is ended at once when the next step needs another, and begun only when
 * the step writes its first operator, so that a step that draws nothing leaves no empty sequence.
 * Sequences are begun and ended between text objects only (BT/ET must nest with them).
 */

/** pdfkit's structure element, as far as it is used here. */
interface StructElement {
  add(child: unknown): StructElement;
  end(): void;
  // biome-ignore lint/complexity/noBannedTypes: pdfkit writes a String object as a PDF text string
  dictionary: { data: { S: string; Lang?: String } };
}

/** pdfkit's document, as far as tagging uses it. */
export interface TaggedPdfDocument {
  struct(type: string, options?: object): StructElement;
  addStructure(element: StructElement): unknown;
  markStructureContent(tag: string, options?: object): unknown;
  markContent(tag: string, options?: object | null): unknown;
  endMarkedContent(): unknown;
  addContent(data: string): unknown;
  annotate(x: number, y: number, w: number, h: number, options: Record<string, unknown>): unknown;
}

/** A node as React-PDF draws it (only what tagging reads). */
interface RenderNode {
  type: string;
  props?: Record<string, unknown> & { fixed?: boolean; src?: unknown; href?: unknown };
}

/** A run of laid-out text. */
interface TextRun {
  attributes: { link?: string };
  glyphs?: { codePoints?: number[] }[];
}

type Marking = { element: StructElement } | { artifact: 'Pagination' | 'Layout' };

/** What a reader hears for a link: where it goes (no `mailto:`), or, for a link inside the document, its text. */
function linkContents(target: string, text: string): string {
  if (target.startsWith('#')) return text.trim() || target.slice(1);
  return target.replace(/^(mailto|tel):/, '');
}

const LATIN = /[A-Za-z]/;

/** `en` for text with Latin letters and no Hangul in a Korean document, `ko` for the reverse; otherwise undefined. */
function otherLanguage(text: string, documentLang: string | undefined): string | undefined {
  const korean = HANGUL_LETTER.test(text);
  const latin = LATIN.test(text);
  if (documentLang?.startsWith('ko') && latin && !korean) return 'en';
  if (documentLang?.startsWith('en') && korean && !latin) return 'ko';
  return undefined;
}

const linkTarget = (node: RenderNode): string => {
  const target = node.props?.src ?? node.props?.href;
  return typeof target === 'string' ? target : '';
};

const runText = (run: TextRun): string => (run.glyphs ?? []).map((glyph) => String.fromCodePoint(...(glyph.codePoints ?? []))).join('');

export class Tagging {
  private readonly parents: StructElement[];
  /** The structure element of each tag object (and of each untagged Text's props): a node split over pages is one element. */
  private readonly elements = new WeakMap<object, StructElement>();
  private artifactDepth = 0;
  /** The sequence open in the content stream, and the one to begin at the next operator. */
  private open: Marking | null = null;
  private pending: Marking | null = null;
  /** The Link element an annotation made now belongs to, and what it says. */
  private link: { element: StructElement; contents: string } | null = null;
  /** The text each element holds itself, to tell the ones in the other language (see finish). */
  private readonly texts = new Map<StructElement, string>();

  constructor(
    private readonly doc: TaggedPdfDocument,
    private readonly documentLang: string | undefined,
  ) {
    const root = doc.struct('Document');
    doc.addStructure(root);
    this.parents = [root];
    const addContent = doc.addContent;
    doc.addContent = (data) => {
      if (this.pending) this.begin();
      return addContent.call(doc, data);
    };
    const annotate = doc.annotate;
    doc.annotate = (x, y, w, h, options) => {
      const link = this.link;
      const tagged = link && options.Subtype === 'Link' ? { ...options, structParent: link.element, Contents: new String(link.contents) } : options;
      return annotate.call(doc, x, y, w, h, tagged);
    };
  }

  /** Whether the renderer called in at all: an unpatched renderer draws without a word. */
  drawnThrough = false;

  node(node: RenderNode, draw: () => void): void {
    this.drawnThrough = true;
    const tag = node.props?.[TAG_PROP] as StructureTag | undefined;
    if (this.artifactDepth > 0) draw();
    else if (node.type === 'PAGE') {
      // No sequence stays open across pages (pdfkit would carry it onto the next one).
      this.end();
      if (tag) this.within(this.elementOf(tag, tag), draw);
      else draw();
      this.end();
    } else if (node.props?.fixed || tag?.role === 'Artifact') this.asArtifact(node.props?.fixed ? 'Pagination' : 'Layout', draw);
    else if (node.type === 'LINK') this.withLink(linkTarget(node), '', draw);
    else {
      const untaggedText = node.type === 'TEXT' && node.props && !this.link;
      const element = tag ? this.elementOf(tag, tag) : untaggedText ? this.elementOf(node.props!, { role: 'P' }) : undefined;
      if (element) this.within(element, draw);
      else draw();
    }
  }

  decoration(_subject: unknown, draw: () => void): void {
    if (this.artifactDepth > 0) draw();
    else this.asArtifact('Layout', draw);
  }

  content(node: RenderNode, draw: () => void): void {
    const tag = node.props?.[TAG_PROP] as StructureTag | undefined;
    if (this.artifactDepth > 0 || node.type === 'LINK' || node.type === 'NOTE') draw();
    else if (node.type === 'TEXT') {
      draw();
      this.end();
    } else if (tag?.role === 'Figure') {
      this.want({ element: this.top() });
      draw();
      this.end();
    } else this.asArtifact('Layout', draw);
  }

  run(run: TextRun, draw: () => void): void {
    if (this.artifactDepth > 0) draw();
    else if (run.attributes.link && !this.link) this.withLink(run.attributes.link, runText(run), draw);
    else {
      const element = this.top();
      this.texts.set(element, (this.texts.get(element) ?? '') + runText(run));
      this.want({ element });
      draw();
    }
  }

  /**
   * Before the document ends: an element whose text is all in the other language (English in a
   * Korean document, Korean in an English one) says so with /Lang, for a screen reader's voice.
   * Text in both stays in the document's language.
   */
  finish(): void {
    for (const [element, text] of this.texts) {
      const lang = otherLanguage(text, this.documentLang);
      if (lang) element.dictionary.data.Lang = new String(lang);
    }
  }

  private top(): StructElement {
    return this.parents[this.parents.length - 1]!;
  }

  private elementOf(key: object, tag: StructureTag): StructElement {
    let element = this.elements.get(key);
    if (!element) {
      element = this.doc.struct(tag.role, { alt: tag.alt, lang: tag.lang, scope: tag.scope });
      (tag.parent ? this.elementOf(tag.parent, tag.parent) : this.top()).add(element);
      this.elements.set(key, element);
    }
    return element;
  }

  /** A Link element for what `draw` draws and the annotation it makes, ended at once. */
  private withLink(target: string, text: string, draw: () => void): void {
    this.end();
    const element = this.doc.struct('Link', { lang: otherLanguage(text, this.documentLang) });
    this.top().add(element);
    this.link = { element, contents: linkContents(target, text) };
    try {
      this.within(element, () => {
        this.want({ element });
        draw();
        this.end();
      });
    } finally {
      this.link = null;
    }
    element.end();
  }

  private within(element: StructElement, draw: () => void): void {
    this.parents.push(element);
    try {
      draw();
    } finally {
      this.parents.pop();
    }
  }

  private asArtifact(type: 'Pagination' | 'Layout', draw: () => void): void {
    this.end();
    this.want({ artifact: type });
    this.artifactDepth++;
    try {
      draw();
    } finally {
      this.artifactDepth--;
    }
    this.end();
  }

  /** The sequence what is drawn next belongs to: the open one stays open if it is the same. */
  private want(marking: Marking): void {
    if (this.open && sameMarking(this.open, marking)) return;
    this.end();
    this.pending = marking;
  }

  private begin(): void {
    const marking = this.pending!;
    this.pending = null;
    if ('artifact' in marking) this.doc.markContent('Artifact', { type: marking.artifact });
    else marking.element.add(this.doc.markStructureContent(marking.element.dictionary.data.S));
    this.open = marking;
  }

  private end(): void {
    this.pending = null;
    if (!this.open) return;
    this.open = null;
    this.doc.endMarkedContent();
  }
}

function sameMarking(a: Marking, b: Marking): boolean {
  return 'element' in a ? 'element' in b && a.element === b.element : 'artifact' in b && a.artifact === b.artifact;
}
