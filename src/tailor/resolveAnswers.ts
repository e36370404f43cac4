import type { SourceLocation } from '../core/problems.js';
import type { DataPath, YamlSource } from '../load/parseYaml.js';
import type { BlockLibrary } from '../validate/answerBlocks.js';
import { countCharacters, countUnder, DEFAULT_RULE, type CharacterCounts, type CountingRule } from '../validate/countCharacters.js';
import type { Lang } from '../validate/schema/primitives.js';
import { BOLD_PATTERN, composedParts, SLOT_PATTERN, type BlockReference, type ComposedText } from '../validate/schema/application.js';
import type { Role } from '../validate/schema/role.js';
import { documentLanguage } from './documentLanguage.js';
import { localize } from './i18n.js';

/** Where a piece of resolved text was written: a string value in a YAML file, from `offset` on. */
export interface TextOrigin {
  source: YamlSource;
  path: DataPath;
  /** The whole string value as parsed. */
  value: string;
  offset: number;
}

/** A run of resolved text `[start, end)` and where it came from. */
export interface TextPiece {
  start: number;
  end: number;
  origin: TextOrigin;
}

/** Text assembled from several places, which can still say where each character was written. */
export interface SourcedText {
  text: string;
  pieces: TextPiece[];
}

export interface ResolvedQuestion {
  id: string;
  /** 1-based, in form order. */
  number: number;
  question: string;
  /** The answer as written: paragraphs, `- ` / `1. ` list lines, `**bold**`. */
  answer: SourcedText;
  /** Exactly what goes into the form: the answer without bold marks. Counted. */
  formText: string;
  limit: number;
  rule: CountingRule;
  counts: CharacterCounts;
  /** The count under the question's rule, compared with `limit`. */
  count: number;
  /** The question in the role file. */
  at: SourceLocation;
}

export interface ResolvedApplication {
  roleId: string;
  company: string;
  position: string;
  questions: ResolvedQuestion[];
}

/** Parts of a composed text are paragraphs: a blank line goes between them. */
const PARAGRAPH_BREAK = '\n\n';

/**
 * A role's application with every block reference replaced by the block's text and its slots
 * filled: the final answer texts, counted under each question's rule. Pure; expects references
 * already checked (checkApplicationReferences) and throws on a missing block as a bug.
 */
export function resolveAnswers(
  roleId: string,
  role: Role,
  source: YamlSource,
  blocks: BlockLibrary,
  lang: Lang = documentLanguage(undefined, role).lang,
): ResolvedApplication | undefined {
  const application = role.application;
  if (!application) return undefined;
  const questions = application.questions.map((q, i): ResolvedQuestion => {
    const base = ['application', 'questions', i];
    const rule: CountingRule = { unit: q.count ?? application.count ?? DEFAULT_RULE.unit, newline: q.newline ?? application.newline ?? DEFAULT_RULE.newline };
    const answer = compose(q.answer, [...base, 'answer'], source, blocks);
    const formText = toFormText(answer.text);
    const counts = countCharacters(formText, rule.newline);
    return {
      id: q.id,
      number: i + 1,
      question: toFormText(compose(q.question, [...base, 'question'], source, blocks).text),
      answer,
      formText,
      limit: q.limit,
      rule,
      counts,
      count: countUnder(counts, rule.unit),
      at: source.locate(base),
    };
  });
  return { roleId, ...applicationTarget(role, lang), questions };
}

/** The company and position an application is for, in a language: the form's own words, else the role's target. */
export const applicationTarget = (role: Role, lang: Lang): { company: string; position: string } => ({
  company: role.application?.company ?? localize(role.target.company, lang) ?? '',
  position: role.application?.position ?? localize(role.target.position, lang) ?? '',
});

/** `**bold**` is for the PDF; the form gets the words alone. */
export const toFormText = (text: string): string => text.replace(BOLD_PATTERN, '$1');

function compose(value: ComposedText, at: DataPath, source: YamlSource, blocks: BlockLibrary): SourcedText {
  const out = new TextBuilder();
  composedParts(value, at).forEach(({ part, path }, i) => {
    if (i > 0) out.append(PARAGRAPH_BREAK);
    if (typeof part === 'string') out.append(trimEnd(part), { source, path, value: part, offset: 0 });
    else appendBlock(out, part, path, source, blocks);
  });
  return out.done();
}

/** The block's text with each `{{slot}}` replaced by the reference's value, every run keeping its origin. */
function appendBlock(out: TextBuilder, ref: BlockReference, path: DataPath, source: YamlSource, blocks: BlockLibrary): void {
  const block = blocks.get(ref.block);
  if (!block) throw new Error(`block "${ref.block}" was not checked before resolving`);
  const text = trimEnd(block.text);
  let last = 0;
  for (const match of text.matchAll(SLOT_PATTERN)) {
    out.append(text.slice(last, match.index), { source: block.source, path: block.path, value: block.text, offset: last });
    const name = match[1]!;
    const value = ref.with?.[name] ?? '';
    out.append(value, { source, path: [...path, 'with', name], value, offset: 0 });
    last = match.index + match[0].length;
  }
  out.append(text.slice(last), { source: block.source, path: block.path, value: block.text, offset: last });
}

/** A YAML block scalar ends with a line break that is not part of the paragraph. */
const trimEnd = (text: string): string => text.replace(/\s+$/, '');

class TextBuilder {
  private text = '';
  private readonly pieces: TextPiece[] = [];

  append(run: string, origin?: TextOrigin): void {
    if (run === '') return;
    // NFC per run keeps offsets into the written value for the usual (already NFC) text.
    const nfc = run.normalize('NFC');
    if (origin) this.pieces.push({ start: this.text.length, end: this.text.length + nfc.length, origin });
    this.text += nfc;
  }

  done(): SourcedText {
    return { text: this.text, pieces: this.pieces };
  }
}
