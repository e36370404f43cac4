/**
 * `npm run bench -- --tagging`: what tagged PDF/UA-1 costs, per document of one role, in one warm
 * process: the render's CPU time (median of --runs, interleaved) and the bytes, tagged as every build
 * is, and untagged as before (pdfkit then never hears of PDF/UA: no structure tree, no marked
 * content, no pdfuaid XMP; the drawing is the same).
 */
import PDFDocument from 'pdfkit';
import { roleContext } from '../../src/pipeline/renderRole.js';
import { DOCUMENT_MAKERS, MAIN_KINDS } from '../../src/pipeline/documents.js';
import { prepare } from '../../src/pipeline/prepare.js';
import { renderDocument } from '../../src/render/renderDocument.js';
import { prepareRenderer } from '../../src/render/renderPdf.js';
import { median } from './stats.js';

export interface TaggingCost {
  kind: string;
  pages: number;
  taggedMs: number;
  untaggedMs: number;
  taggedBytes: number;
  untaggedBytes: number;
}

type Init = (this: unknown, options: { subset?: string }) => unknown;

export async function measureTaggingCost(dataDir: string, roleId: string, runs: number): Promise<TaggingCost[]> {
  await prepareRenderer();
  // Untagged: both of pdfkit's constructor steps that read `subset` see none.
  let untagged = false;
  const proto = PDFDocument.prototype as unknown as Record<'initMarkings' | 'initSubset', Init>;
  for (const step of ['initMarkings', 'initSubset'] as const) {
    const original = proto[step];
    proto[step] = function (options) {
      return original.call(this, untagged ? { ...options, subset: undefined } : options);
    };
  }
  const prepared = prepare({ dataDir, roles: [roleId] });
  const ctx = roleContext(prepared, roleId);
  const costs: TaggingCost[] = [];
  for (const kind of MAIN_KINDS) {
    const doc = DOCUMENT_MAKERS[kind](ctx);
    if (!doc) continue;
    const samples = { tagged: [] as number[], untagged: [] as number[] };
    const bytes = { tagged: 0, untagged: 0 };
    let pages = 0;
    // One warm-up of each, then the two alternate, so that load on the machine falls on both alike.
    for (let run = -1; run < runs; run++) {
      for (const variant of ['tagged', 'untagged'] as const) {
        untagged = variant === 'untagged';
        // CPU time, not wall time: on a shared machine it is what the render itself costs.
        const start = process.cpuUsage();
        const pdf = await renderDocument(doc);
        const used = process.cpuUsage(start);
        if (run >= 0) samples[variant].push((used.user + used.system) / 1000);
        bytes[variant] = pdf.length;
        if (variant === 'tagged') pages = pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
      }
    }
    untagged = false;
    costs.push({
      kind,
      pages,
      taggedMs: median(samples.tagged),
      untaggedMs: median(samples.untagged),
      taggedBytes: bytes.tagged,
      untaggedBytes: bytes.untagged,
    });
  }
  return costs;
}

export function taggingReport(costs: readonly TaggingCost[]): string {
  const lines = [
    'Tagged PDF/UA-1: cost per document (one warm process, median)',
    '  document    pages   untagged ms   tagged ms     Δ ms   untagged bytes   tagged bytes      Δ',
  ];
  for (const c of costs) {
    const ms = c.taggedMs - c.untaggedMs;
    const growth = (c.taggedBytes / c.untaggedBytes - 1) * 100;
    lines.push(
      `  ${c.kind.padEnd(10)} ${String(c.pages).padStart(6)} ${c.untaggedMs.toFixed(0).padStart(13)} ${c.taggedMs.toFixed(0).padStart(11)} ${`${ms >= 0 ? '+' : ''}${ms.toFixed(0)}`.padStart(8)} ${String(c.untaggedBytes).padStart(16)} ${String(c.taggedBytes).padStart(14)} ${`+${growth.toFixed(1)}%`.padStart(7)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
