import type { Nodes, Root } from 'mdast';
import type { Problem, SourceLocation } from '../core/problems.js';
import type { YamlSource } from '../load/parseYaml.js';
import type { ResumeModel } from '../tailor/model.js';

/**
 * The longest flow of pages a build lays out: the resume is one flow, each portfolio project
 * another (each a React-PDF `<Page>`). React-PDF lays a flow out again from every page break to
 * its end, so its time grows with the square of the flow's length: 500 work entries (71 pages)
 * took 13–48 s, 1,000 (143 pages) 31–180 s and 1 GB, a 5,000-row table never finished. A flow
 * of more blocks than this — entries, highlights, paragraphs, table rows — is refused at once,
 * before any layout. It is about 9 pages, three times the longest resume anyone sends, and lays
 * out in 2–3 s of CPU (at 500 blocks, 14–16 pages, it took 7–9 s).
 */
export const MAX_FLOW_BLOCKS = 300;

/** Blocks a page holds, measured on scripts/bench/hugeInputs.ts's data: 35 per resume page, 33 table rows per project page. */
const BLOCKS_PER_PAGE = 34;

const pagesFor = (blocks: number) => `~${Math.max(1, Math.round(blocks / BLOCKS_PER_PAGE)).toLocaleString('en-US')} pages`;
const count = (n: number) => n.toLocaleString('en-US');

/**
 * The tailored resume's blocks (an entry, its summary, each highlight) against MAX_FLOW_BLOCKS;
 * located at the section in resume.yaml where the limit is crossed.
 */
export function checkResumeLength(model: ResumeModel, source: YamlSource | undefined, roleFile: string | undefined): Problem[] {
  let blocks = model.summary ? 1 : 0;
  let crossedIn: string | undefined;
  let entries = 0;
  for (const section of model.sections) {
    for (const entry of section.entries) {
      blocks += 1 + (entry.summary ? 1 : 0) + entry.highlights.length;
      entries++;
      if (blocks > MAX_FLOW_BLOCKS) crossedIn ??= section.key;
    }
  }
  if (crossedIn === undefined) return [];
  const where = roleFile ? `in ${roleFile}` : 'in a role file (and build with --role)';
  return [
    {
      severity: 'error',
      code: 'resume-too-long',
      at: source?.locate([crossedIn], 'key'),
      path: crossedIn,
      message: `the resume would draw ${count(entries)} entries in ${count(blocks)} blocks (entries, summaries, highlights), ${pagesFor(blocks)}; careerpdf lays out at most ${count(MAX_FLOW_BLOCKS)} blocks (~9 pages) in one resume, and a resume is 1–3 pages`,
      hint: `choose what this role shows ${where}: \`limits: { entries: { ${crossedIn}: 10 }, highlights: 4 }\`, \`exclude: [ids]\` or \`focus: { mode: filter }\``,
    },
  ];
}

/** Markdown nodes drawn as one block each (a list item is its paragraphs; raw HTML is not drawn). */
const BLOCK_NODES = new Set<Nodes['type']>(['heading', 'paragraph', 'tableRow', 'code', 'thematicBreak']);

/** A portfolio page's blocks against MAX_FLOW_BLOCKS, located at the block that crosses it. */
export function checkPageLength(file: string, body: Root): Problem[] {
  let blocks = 0;
  let crossedAt: SourceLocation | undefined;
  const visit = (node: Nodes) => {
    if (BLOCK_NODES.has(node.type) && ++blocks === MAX_FLOW_BLOCKS + 1) {
      const start = node.position?.start;
      crossedAt = { file, line: start?.line ?? 1, col: start?.column ?? 1 };
    }
    if ('children' in node) node.children.forEach(visit);
  };
  visit(body);
  if (!crossedAt) return [];
  return [
    {
      severity: 'error',
      code: 'page-too-long',
      at: crossedAt,
      message: `this project page has ${count(blocks)} blocks (paragraphs, table rows, headings…), ${pagesFor(blocks)}; careerpdf lays out at most ${count(MAX_FLOW_BLOCKS)} (~9 pages) per project, and block ${count(MAX_FLOW_BLOCKS + 1)} is here`,
      hint: 'keep the page to what a reader takes in: summarise a long table (its top rows, totals) and link to the full data, or split the project into several pages',
    },
  ];
}
