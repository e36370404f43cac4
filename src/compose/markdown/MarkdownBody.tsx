import { Image, Link, View } from '@react-pdf/renderer';
import { Text } from '../shared/Text.js';
import type { Style } from '@react-pdf/types';
import type { AlignType, Image as ImageNode, ImageReference, List, PhrasingContent, Root, RootContent } from 'mdast';
import type { ReactNode } from 'react';
import type { PortfolioLabels } from '../../tailor/tailorPortfolio.js';
import { plainText } from '../../validate/mdastText.js';
import type { ImageResolution } from '../../validate/resolveImage.js';
import { bookmark } from '../shared/bookmark.js';
import type { MarkdownStyles } from './markdownStyles.js';
import {
  keepsItemWhole,
  codeLines,
  collectReferences,
  columnWeights,
  fitImage,
  isExternalUrl,
  listMarker,
  markerWidth,
  isCaption,
  isImageOnly,
  opensWithImage,
  sectionize,
  softBreaks,
  splitAtImages,
  type References,
  type Section,
} from './structure.js';
import { imageSource } from '../shared/imageSource.js';
import { headingRole, tag } from '../shared/tag.js';

/** Everything the walker needs besides the node; a new object is made for each nesting. */
export interface MarkdownContext {
  m: MarkdownStyles;
  labels: PortfolioLabels;
  images: Map<string, ImageResolution>;
  refs: References;
  /** Width left for blocks at this nesting (page column minus list and quote indents), in points. */
  width: number;
  maxImageHeight: number;
  /** Prefix of destination ids (footnotes), unique per project. */
  anchor: string;
  listDepth: number;
  /** Inside a tight list: paragraphs get no space after them. */
  tight: boolean;
  /** Inside a line of text (a heading): an image can only be its alt text. */
  inline: boolean;
  /** Set by a list for its items. */
  marker?: { text: string; width: number };
  /** Set by a table for its rows and cells. */
  cell?: { align: AlignType; weight: number; header: boolean };
  /** Set by a table for its rows. */
  columns?: { align: AlignType[]; weights: number[]; header: boolean };
  /** The heading level of the page's shallowest markdown heading, under the project's title (H2): levels never skip. */
  headingBase: number;
}

export interface MarkdownBodyProps {
  root: Root;
  images: Map<string, ImageResolution>;
  m: MarkdownStyles;
  labels: PortfolioLabels;
  width: number;
  maxImageHeight: number;
  anchor: string;
}

/** A page body: blocks grouped into sections (each heading a bookmark), then the footnotes. */
export function MarkdownBody({ root, images, m, labels, width, maxImageHeight, anchor }: MarkdownBodyProps) {
  const refs = collectReferences(root);
  const depths = root.children.flatMap((node) => (node.type === 'heading' ? [node.depth] : []));
  const headingBase = 3 - Math.min(6, ...depths);
  const ctx: MarkdownContext = { m, labels, images, refs, width, maxImageHeight, anchor, listDepth: 0, tight: false, inline: false, headingBase };
  return (
    <View>
      {renderBlocks(sectionize(root.children), ctx)}
      {refs.footnotes.length > 0 ? (
        <View style={m.footnotes} minPresenceAhead={30}>
          <Text style={[m.footnoteText, { fontWeight: 600, marginBottom: 2 }]}>{labels.footnotes}</Text>
          {refs.footnotes.map((note) => (
            <View key={note.identifier} id={`${anchor}-fn-${refs.footnoteNumbers.get(note.identifier)}`} style={{ flexDirection: 'row' }}>
              <Text style={[m.footnoteText, { width: 16 }]}>{`${refs.footnoteNumbers.get(note.identifier)}.`}</Text>
              <View style={{ flex: 1 }}>{note.children.map((child, i) => renderNode(child, { ...ctx, tight: true, width: ctx.width - 16 }, i))}</View>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}

/** The blocks in order; an image and the caption paragraph under it are kept on one page. */
function renderBlocks(blocks: readonly (RootContent | Section)[], ctx: MarkdownContext): ReactNode[] {
  const render = (block: RootContent | Section, i: number) =>
    block.type === 'section' ? <SectionView key={i} section={block} ctx={ctx} /> : renderNode(block, ctx, i);
  const nodes: ReactNode[] = [];
  for (let i = 0; i < blocks.length; i++) {
    if (isImageOnly(blocks[i]) && isCaption(blocks[i + 1])) {
      nodes.push(
        <View key={i} wrap={false}>
          {render(blocks[i]!, i)}
          {render(blocks[i + 1]!, i + 1)}
        </View>,
      );
      i++;
    } else nodes.push(render(blocks[i]!, i));
  }
  return nodes;
}

/** A heading and its content in one View: the bookmark nests like the headings do. */
function SectionView({ section, ctx }: { section: Section; ctx: MarkdownContext }) {
  const [first, ...rest] = section.children;
  const heading = renderNode(section.heading, ctx, 'heading');
  return (
    <View {...bookmark(plainText(section.heading).trim() || '…')} {...tag('Sect')}>
      {opensWithImage(first) ? (
        <View wrap={false}>
          {heading}
          {renderBlocks([first!], ctx)}
        </View>
      ) : (
        heading
      )}
      {renderBlocks(opensWithImage(first) ? rest : section.children, ctx)}
    </View>
  );
}

/**
 * The walker: one case per mdast node type. The `never` in the default case makes a node type
 * added to mdast (or registered by an extension) a compile error here instead of silently lost.
 */
export function renderNode(node: RootContent, ctx: MarkdownContext, key: string | number): ReactNode {
  const { m } = ctx;
  switch (node.type) {
    case 'heading':
      // minPresenceAhead: a heading never ends a page without at least the start of its content.
      return (
        <Text key={key} style={m.headings[node.depth]} minPresenceAhead={56} {...tag(headingRole(node.depth + ctx.headingBase))}>
          {renderInline(node.children, { ...ctx, inline: true })}
        </Text>
      );
    case 'paragraph':
      return (
        <Paragraph key={key} nodes={node.children} ctx={ctx} textStyle={m.paragraph} marginBottom={ctx.tight ? 0 : (m.paragraph.marginBottom as number)} />
      );
    case 'blockquote':
      return (
        <View key={key} style={m.blockquote} {...tag('BlockQuote')}>
          {renderBlocks(node.children, { ...ctx, width: ctx.width - 11.5 })}
        </View>
      );
    case 'list':
      return <ListView key={key} list={node} ctx={ctx} />;
    case 'listItem': {
      const marker = ctx.marker ?? { text: '•', width: 12 };
      const inner = { ...ctx, marker: undefined, width: ctx.width - marker.width, listDepth: ctx.listDepth + 1, tight: !node.spread && ctx.tight };
      return (
        <View key={key} wrap={!keepsItemWhole(node, inner.width, m.paragraph.fontSize as number)} style={m.listItem} {...tag('LI')}>
          <Text style={[m.marker, { width: marker.width }]} {...tag('Lbl')}>
            {marker.text}
          </Text>
          <View style={{ flex: 1 }} {...tag('LBody')}>
            {node.children.map((child, i) => renderNode(child, inner, i))}
          </View>
        </View>
      );
    }
    case 'code':
      return (
        <View key={key} style={m.codeBlock}>
          {node.lang ? <Text style={m.codeLanguage}>{node.lang}</Text> : null}
          {codeLines(node.value).map((line, i) => (
            <Text key={i} style={m.code} {...tag('Code')}>
              {line}
            </Text>
          ))}
        </View>
      );
    case 'table': {
      const [head, ...rows] = node.children;
      const columns = { align: node.align ?? [], weights: columnWeights(node), header: false };
      return (
        <View key={key} style={m.table} {...tag('Table')}>
          {head ? renderNode(head, { ...ctx, columns: { ...columns, header: true } }, 'head') : null}
          {rows.map((row, i) => renderNode(row, { ...ctx, columns }, i))}
        </View>
      );
    }
    case 'tableRow': {
      const columns = ctx.columns ?? { align: [], weights: node.children.map(() => 1 / node.children.length), header: false };
      // A row never splits across pages; a header row stays with the first body row.
      return (
        <View key={key} wrap={false} minPresenceAhead={columns.header ? 20 : 0} style={columns.header ? m.tableHeaderRow : m.tableRow} {...tag('TR')}>
          {node.children.map((cell, c) =>
            renderNode(cell, { ...ctx, cell: { align: columns.align[c] ?? null, weight: columns.weights[c] ?? 0, header: columns.header } }, c),
          )}
        </View>
      );
    }
    case 'tableCell': {
      const cell = ctx.cell ?? { align: null, weight: 1, header: false };
      const textAlign = cell.align === 'center' ? 'center' : cell.align === 'right' ? 'right' : 'left';
      return (
        <View key={key} style={[m.tableCell, { width: `${cell.weight * 100}%` }]} {...tag(cell.header ? 'TH' : 'TD', cell.header ? { scope: 'Column' } : {})}>
          <Paragraph
            nodes={node.children}
            ctx={{ ...ctx, width: ctx.width * cell.weight - 10 }}
            textStyle={[m.tableText, { textAlign }, cell.header ? m.strong : {}]}
            marginBottom={0}
          />
        </View>
      );
    }
    case 'thematicBreak':
      return <View key={key} style={m.rule} />;
    case 'html': // never interpreted; validation warned with file:line
    case 'definition': // used through the references that name it
    case 'footnoteDefinition': // drawn after the body, numbered
    case 'yaml': // front matter is read by the loader, not drawn
      return null;
    case 'text':
      return softBreaks(node.value);
    case 'emphasis':
      // Pretendard has no italic (fontStyle: italic would throw): emphasis is colour and weight.
      return (
        <Text key={key} style={m.emphasis}>
          {renderInline(node.children, ctx)}
        </Text>
      );
    case 'strong':
      return (
        <Text key={key} style={m.strong}>
          {renderInline(node.children, ctx)}
        </Text>
      );
    case 'delete':
      return (
        <Text key={key} style={m.strike}>
          {renderInline(node.children, ctx)}
        </Text>
      );
    case 'inlineCode':
      return (
        <Text key={key} style={m.inlineCode}>
          {node.value}
        </Text>
      );
    case 'break':
      // Top-level breaks split the paragraph into lines (splitAtImages); one nested in emphasis is a space.
      return ' ';
    case 'link':
      return (
        <InlineLink key={key} url={node.url} ctx={ctx}>
          {renderInline(node.children, ctx)}
        </InlineLink>
      );
    case 'linkReference': {
      const definition = ctx.refs.definitions.get(node.identifier);
      const children = renderInline(node.children, ctx);
      return definition ? (
        <InlineLink key={key} url={definition.url} ctx={ctx}>
          {children}
        </InlineLink>
      ) : (
        <Text key={key}>{children}</Text>
      );
    }
    case 'footnoteReference': {
      const n = ctx.refs.footnoteNumbers.get(node.identifier);
      return (
        <Link key={key} src={`#${ctx.anchor}-fn-${n}`} style={[m.footnoteRef, { textDecoration: 'none' }]}>
          {`[${n}]`}
        </Link>
      );
    }
    case 'image':
    case 'imageReference':
      return ctx.inline ? <Text key={key}>{node.alt ?? ''}</Text> : <ImageBlock key={key} node={node} ctx={ctx} />;
    default: {
      const unhandled: never = node;
      throw new Error(`markdown node type "${(unhandled as { type: string }).type}" has no rendering`);
    }
  }
}

const renderInline = (nodes: readonly PhrasingContent[], ctx: MarkdownContext): ReactNode[] => nodes.map((node, i) => renderNode(node, ctx, i));

/** A paragraph (or table cell): its text in one Text per line, each image as a block between them. */
function Paragraph({
  nodes,
  ctx,
  textStyle,
  marginBottom,
}: {
  nodes: readonly PhrasingContent[];
  ctx: MarkdownContext;
  textStyle: Style | Style[];
  marginBottom: number;
}) {
  const runs = splitAtImages(nodes);
  const flat = [textStyle].flat();
  if (runs.length === 1 && runs[0]!.kind === 'text') return <Text style={[...flat, { marginBottom }]}>{renderInline(runs[0]!.nodes, ctx)}</Text>;
  return (
    <View style={{ marginBottom }}>
      {runs.map((run, i) =>
        run.kind === 'text' ? (
          <Text key={i} style={[...flat, { marginBottom: 0 }]}>
            {renderInline(run.nodes, ctx)}
          </Text>
        ) : (
          <ImageBlock key={i} node={run.node} ctx={ctx} />
        ),
      )}
    </View>
  );
}

function InlineLink({ url, ctx, children }: { url: string; ctx: MarkdownContext; children: ReactNode }) {
  // `#anchor` and relative links have no target in a PDF: their text stays, unlinked.
  return isExternalUrl(url) ? (
    <Link src={url} style={ctx.m.link}>
      {children}
    </Link>
  ) : (
    <Text>{children}</Text>
  );
}

function ListView({ list, ctx }: { list: List; ctx: MarkdownContext }) {
  const width = markerWidth(list, ctx.m.marker.fontSize as number);
  const tight = !list.spread;
  return (
    <View style={{ marginBottom: ctx.listDepth === 0 ? ctx.m.paragraph.marginBottom : 0 }} {...tag('L')}>
      {list.children.map((item, i) => renderNode(item, { ...ctx, tight, marker: { text: listMarker(list, i, ctx.listDepth, item.checked), width } }, i))}
    </View>
  );
}

/** An image scaled into the column and onto one page, never split; a labelled frame when it cannot be drawn. */
function ImageBlock({ node, ctx }: { node: ImageNode | ImageReference; ctx: MarkdownContext }) {
  const { m } = ctx;
  const definition = node.type === 'imageReference' ? ctx.refs.definitions.get(node.identifier) : undefined;
  const url = node.type === 'image' ? node.url : definition?.url;
  const caption = (node.type === 'image' ? node.title : definition?.title) ?? undefined;
  const image = url !== undefined ? ctx.images.get(url) : undefined;
  return (
    <View wrap={false} style={m.image}>
      {image?.kind === 'file' ? (
        <Image
          src={imageSource(image)}
          style={fitImage(image, { maxWidth: ctx.width, maxHeight: ctx.maxImageHeight })}
          {...tag('Figure', { alt: node.alt?.trim() || caption || fileName(url) })}
        />
      ) : (
        <ImagePlaceholder url={url ?? `[${node.alt ?? ''}]`} alt={node.alt ?? ''} reason={image?.kind === 'placeholder' ? image.reason : 'missing'} ctx={ctx} />
      )}
      {caption ? <Text style={m.caption}>{caption}</Text> : null}
    </View>
  );
}

/** The last part of an image's path, a Figure's alt text when the markdown gives none (validation warned). */
function fileName(url: string | undefined): string {
  const last = url?.split(/[/\\]/).pop() ?? '';
  try {
    return decodeURIComponent(last) || 'image';
  } catch {
    return last || 'image'; // a malformed %-escape: the name as written
  }
}

export function ImagePlaceholder({
  url,
  alt,
  reason,
  ctx,
}: {
  url: string;
  alt: string;
  reason: Extract<ImageResolution, { kind: 'placeholder' }>['reason'];
  ctx: Pick<MarkdownContext, 'm' | 'labels' | 'width'>;
}) {
  const { m, labels } = ctx;
  const title = {
    missing: labels.missingImage,
    remote: labels.remoteImage,
    refused: labels.refusedImage,
    unsupported: labels.unsupportedImage,
    damaged: labels.damagedImage,
    unreadable: labels.unreadableImage,
  }[reason];
  return (
    <View style={[m.placeholder, { width: Math.min(ctx.width, 360) }]}>
      <Text style={m.placeholderTitle}>{alt ? `${title} — ${alt}` : title}</Text>
      <Text style={m.placeholderDetail}>{url}</Text>
    </View>
  );
}
