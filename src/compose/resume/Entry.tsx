import { Link, View } from '@react-pdf/renderer';
import { Text } from '../shared/Text.js';
import React from 'react';
import type { EntryModel } from '../../tailor/model.js';
import type { Theme } from '../../validate/schema/theme.js';
import { SIDEBAR_GAP, type TextStyles } from '../styles.js';
import { type StructureTag, structure, tag } from '../shared/tag.js';
import { estimatedEms } from '../shared/estimatedEms.js';
import { inlineList } from '../shared/inlineList.js';

interface EntryProps {
  entry: EntryModel;
  lead: React.ReactNode;
  theme: Theme;
  s: TextStyles;
}

/** Blank lines separate paragraphs in multi-line YAML text. */
export const paragraphs = (value: string): string[] =>
  value
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean);

/**
 * A full entry: title, subtitle and dates on one line, then details, summary, bullets, keywords.
 * The break rules, the same in every theme: the head (and a section title handed in as `lead`)
 * stays with the first two lines of content, and the tail (keywords, URL and the last bullet, or
 * the last two lines) moves as one, so neither is left alone on a page. Between those the entry
 * breaks between blocks, and inside a paragraph never leaves one line (orphans and widows).
 */
export function Entry({ entry, lead, theme, s }: EntryProps) {
  const head = (
    <>
      {lead}
      <View style={{ flexDirection: 'row', justifyContent: 'space-between', alignItems: 'flex-start' }}>
        <Text style={[s.title, { flexShrink: 1, paddingRight: 8 }]} {...tag('H3')}>
          {entry.url ? (
            <Link src={entry.url} style={[s.link, { color: theme.colors.text }]}>
              {entry.title}
            </Link>
          ) : (
            entry.title
          )}
          {entry.subtitle ? <Text style={s.subtitle}>{`${SUBTITLE_GAP}${entry.subtitle}`}</Text> : null}
        </Text>
        {entry.dates ? <Text style={[s.dates, { flexShrink: 0 }]}>{keepTogether(entry.dates)}</Text> : null}
      </View>
      {entry.detail ? <Text style={s.small}>{entry.detail}</Text> : null}
    </>
  );
  const lines = (text: string, size: number, indent = 0) => estimatedLines(text, size, theme, indent);
  const bullets = structure('L');
  const blocks: { node: React.ReactNode; lines: number; prose: boolean }[] = [
    ...(entry.summary ? paragraphs(entry.summary) : []).map((p) => ({
      node: (
        <Text style={[s.body, { marginTop: 2 }]} {...UNBROKEN_EDGES}>
          {p}
        </Text>
      ),
      lines: lines(p, theme.sizes.body),
      prose: true,
    })),
    ...entry.highlights.map((h) => ({
      node: (
        // A bullet's marker and text are side by side: split, the marker could stay alone at a page's foot. A short bullet moves whole.
        <View
          wrap={lines(h, theme.sizes.body, BULLET_WIDTH) > UNBROKEN_BULLET_LINES}
          style={{ flexDirection: 'row', marginTop: theme.spacing.bullet }}
          {...tag('LI', { parent: bullets })}
        >
          <Text style={[s.body, { width: BULLET_WIDTH, color: theme.colors.accent }]} {...tag('Lbl')}>
            •
          </Text>
          <Text style={[s.body, { flex: 1 }]} {...UNBROKEN_EDGES} {...tag('LBody')}>
            {h}
          </Text>
        </View>
      ),
      lines: lines(h, theme.sizes.body, BULLET_WIDTH),
      prose: true,
    })),
    ...(entry.keywords.length > 0
      ? [
          {
            node: <Text style={[s.small, { marginTop: 3 }]}>{inlineList(entry.keywords)}</Text>,
            lines: lines(inlineList(entry.keywords), theme.sizes.small),
            prose: false,
          },
        ]
      : []),
    ...(entry.url
      ? [
          {
            node: (
              <Link src={entry.url} style={[s.small, s.link]}>
                {entry.url}
              </Link>
            ),
            lines: lines(entry.url, theme.sizes.small),
            prose: false,
          },
        ]
      : []),
  ];
  // The head keeps blocks until two lines follow it.
  let headBlocks = 0;
  for (let seen = 0; headBlocks < blocks.length && seen < 2; headBlocks++) seen += blocks[headBlocks]!.lines;
  // The tail: from the last paragraph or bullet on, and the one before it when that leaves a single line.
  const lastProse = blocks.findLastIndex((b) => b.prose);
  let tailStart = lastProse === -1 ? blocks.length - 1 : lastProse;
  if (tailStart > 0 && blocks.slice(tailStart).reduce((n, b) => n + b.lines, 0) < 2) tailStart--;
  const keep = (nodes: React.ReactNode[]) => nodes.map((node, i) => <React.Fragment key={i}>{node}</React.Fragment>);
  const nodes = blocks.map((b) => b.node);
  if (tailStart <= headBlocks) {
    return (
      <View wrap={false} style={{ marginBottom: theme.spacing.entry }}>
        {head}
        {keep(nodes)}
      </View>
    );
  }
  return (
    <View style={{ marginBottom: theme.spacing.entry }}>
      <View wrap={false}>
        {head}
        {keep(nodes.slice(0, headBlocks))}
      </View>
      {keep(nodes.slice(headBlocks, tailStart))}
      <View wrap={false}>{keep(nodes.slice(tailStart))}</View>
    </View>
  );
}

const BULLET_WIDTH = 10;
/** Bullets up to this many lines never break; a longer one breaks with two lines each side (UNBROKEN_EDGES). */
const UNBROKEN_BULLET_LINES = 4;
/** The name column of a compact row. */
const COMPACT_LABEL_WIDTH = 110;
/** Between an entry's title and its subtitle: a visible gap that a line break never takes (the spaces of text are collapsed). */
const SUBTITLE_GAP = '\u00a0\u00a0 ';
/** React-PDF's widows and orphans: a paragraph broken across pages keeps two lines on each side. */
const UNBROKEN_EDGES = { orphans: 2, widows: 2 } as const;

/**
 * How many lines a text takes in the main column, estimated from its length (Hangul and other
 * wide characters count as one em, the rest as half): enough to tell one line from two, which is
 * all the break rules need. A sidebar layout's main column is the page minus the sidebar.
 */
function estimatedLines(text: string, size: number, theme: Theme, indent: number): number {
  const page = PAGE_WIDTH[theme.page.size] ?? PAGE_WIDTH.A4!;
  const sidebar = theme.layout === 'sidebar' && theme.sidebar ? theme.sidebar.width + SIDEBAR_GAP : theme.page.margin.left;
  const gutter = theme.sectionStyle.placement === 'gutter' ? (theme.sectionStyle.gutterWidth ?? 0) : 0;
  const width = page - sidebar - theme.page.margin.right - gutter - indent;
  return Math.max(1, Math.ceil((estimatedEms(text) * size) / width));
}

const PAGE_WIDTH: Record<string, number> = { A4: 595.28, LETTER: 612, Letter: 612 };

/** Dates, phone numbers and emails are one token: their spaces never break a line (NBSP, which the text layer keeps). */
export const keepTogether = (text: string): string => text.replace(/ /g, '\u00a0');

/** A compact section's rows: one table (tagged), one name column for all its rows. */
export interface CompactTable {
  tag: StructureTag;
  /** The name column's width: the widest name of the section, within COMPACT_LABEL_WIDTH…COMPACT_LABEL_MAX. */
  labelWidth: number;
}

/** Between a compact row's name column and its values. */
const COMPACT_LABEL_GAP = 8;
/** The widest the name column grows for a section's long names; a longer name goes above its values. */
const COMPACT_LABEL_MAX = 170;

/** The name (and level) a compact row shows in its name column. */
const compactLabel = (entry: EntryModel): string => `${entry.title}${entry.detail && entry.keywords.length > 0 ? ` ${entry.detail}` : ''}`;

/**
 * The section's table: its name column as wide as its widest name that fits COMPACT_LABEL_MAX,
 * so that rows line up (a fixed column put `Web Development Master` above its values and
 * `Compression Master` beside them, in one section).
 */
export function compactTable(entries: readonly EntryModel[], theme: Theme): CompactTable {
  const widths = entries.map((entry) => estimatedEms(compactLabel(entry)) * theme.sizes.body + COMPACT_LABEL_GAP);
  const fitting = widths.filter((w) => w <= COMPACT_LABEL_MAX);
  return { tag: structure('Table'), labelWidth: Math.max(COMPACT_LABEL_WIDTH, ...fitting) };
}

/**
 * A short entry as a table row: name (and level) in a column, keywords or detail beside it. A
 * name too long for its column goes above them instead: wrapped beside them, a parser reading
 * line by line would interleave its second line with theirs.
 *
 * Tagged as what it looks like, a row (TR) of the section's one `table`: the name is the row's
 * header cell (TH, Scope Row), the values its data cell (TD). The section title handed in as
 * `lead` is drawn in the same unbreakable View but outside the row, so it stays the section's H2.
 */
export function CompactRow({ entry, lead, theme, s, table }: EntryProps & { table: CompactTable }) {
  const level = entry.detail && entry.keywords.length > 0 ? <Text style={s.subtitle}>{` ${entry.detail}`}</Text> : null;
  const stacked = estimatedEms(compactLabel(entry)) * theme.sizes.body + COMPACT_LABEL_GAP > table.labelWidth;
  return (
    <View wrap={false} style={{ marginBottom: theme.spacing.bullet + 1 }}>
      {lead}
      <View style={{ flexDirection: stacked ? 'column' : 'row' }} {...tag('TR', { parent: table.tag })}>
        <Text style={[s.title, { width: stacked ? undefined : table.labelWidth, fontSize: theme.sizes.body }]} {...tag('TH', { scope: 'Row' })}>
          {entry.title}
          {level}
        </Text>
        {/* flex: 1 beside the name; stacked under it, a flex basis of 0 in a column would give the values no height, and the next row would be drawn over them. */}
        <Text style={stacked ? s.body : [s.body, { flex: 1 }]} {...tag('TD')}>
          {entry.keywords.length > 0 ? entry.keywords.join(', ') : (entry.detail ?? '')}
        </Text>
      </View>
    </View>
  );
}

/** An entry in a narrow sidebar: everything stacked. */
export function StackedEntry({ entry, lead, theme, s }: EntryProps) {
  const color = theme.sidebar?.text ?? theme.colors.text;
  const secondary = inlineList([entry.subtitle, entry.detail, entry.dates && keepTogether(entry.dates)].filter((part): part is string => Boolean(part)));
  return (
    <View wrap={false} style={{ marginBottom: theme.spacing.entry - 2 }}>
      {lead}
      <Text style={[s.title, { color, fontSize: theme.sizes.body }]} {...tag('H3')}>
        {entry.title}
      </Text>
      {secondary ? <Text style={[s.small, { color }]}>{secondary}</Text> : null}
      {entry.keywords.length > 0 ? <Text style={[s.small, { color }]}>{inlineList(entry.keywords)}</Text> : null}
      {entry.summary ? <Text style={[s.small, { color }]}>{entry.summary}</Text> : null}
      {entry.highlights.map((h, i) => (
        <Text key={i} style={[s.small, { color }]}>{`• ${h}`}</Text>
      ))}
    </View>
  );
}
