import { styleText } from 'node:util';
import { formatLocation, type Problem } from '../core/problems.js';
import { readSourceFile } from '../load/readSourceFile.js';

const useColor = (): boolean => Boolean(process.stderr.isTTY) && !process.env.NO_COLOR;
const paint = (style: Parameters<typeof styleText>[0], text: string) => (useColor() ? styleText(style, text) : text);

/**
 * Problems grouped by file, each with its location, data path, message, the source line with a
 * caret under the column, and the hint.
 */
export function formatProblems(problems: readonly Problem[]): string {
  const byFile = new Map<string, Problem[]>();
  for (const p of problems) {
    const key = p.at?.file ?? '';
    byFile.set(key, [...(byFile.get(key) ?? []), p]);
  }
  const out: string[] = [];
  for (const [file, list] of byFile) {
    const lines = file ? sourceLines(file) : undefined;
    for (const p of list) {
      const label = p.severity === 'error' ? paint(['bold', 'red'], 'error') : paint(['bold', 'yellow'], 'warning');
      out.push(`${label} ${[formatLocation(p.at), p.path].filter(Boolean).join('  ')}${p.at || p.path ? ': ' : ''}${p.message}`);
      const line = p.at && lines?.[p.at.line - 1];
      if (p.at && line !== undefined) {
        const gutter = String(p.at.line).padStart(5);
        const shown = excerpt(line, p.at.col);
        out.push(paint('dim', `${gutter} | `) + shown.text);
        out.push(paint('dim', `${' '.repeat(gutter.length)} | `) + ' '.repeat(displayWidth(shown.beforeCaret)) + paint('red', '^'));
      }
      if (p.hint) out.push(`  ${paint('cyan', 'hint:')} ${p.hint}`);
    }
  }
  return out.join('\n');
}

export function summarizeProblems(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  return `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}

const cache = new Map<string, string[] | undefined>();
function sourceLines(file: string): string[] | undefined {
  if (!cache.has(file)) {
    // Through the loader's reader, so the lines shown are the lines located (NFC, one kind of
    // line break), and a FIFO or a device is never opened here either.
    const read = readSourceFile(file);
    cache.set(file, read.ok ? read.text.split('\n') : undefined);
  }
  return cache.get(file);
}

const EXCERPT_WIDTH = 160;

/**
 * Long lines are cut to one terminal line around the column (counted in characters, as
 * locations are), so the caret always has its character above it. Control characters are shown
 * as their visible pictures (␁, ␛): printed raw they would move the terminal's cursor or color it.
 */
function excerpt(line: string, col: number): { text: string; beforeCaret: string } {
  const chars = Array.from(
    line
      .replace(/\t/g, '→')
      .replace(/[\u0000-\u001f\u007f]/g, (c) => String.fromCharCode(c === '\u007f' ? 0x2421 : 0x2400 + c.charCodeAt(0)))
      .replace(/[\u0080-\u009f]/g, '\ufffd'),
  );
  const from = col - 1 > EXCERPT_WIDTH - 40 ? col - 1 - 40 : 0;
  const cut = chars.slice(from, from + EXCERPT_WIDTH).join('');
  const text = `${from > 0 ? '…' : ''}${cut}${from + EXCERPT_WIDTH < chars.length ? '…' : ''}`;
  return { text, beforeCaret: `${from > 0 ? '…' : ''}${chars.slice(from, col - 1).join('')}` };
}

/** Hangul, Hanja, emoji and other wide characters take two terminal columns; the caret must line up. */
export const displayWidth = (text: string): number =>
  Array.from(text).reduce(
    (w, ch) =>
      w +
      // biome-ignore lint/suspicious/noMisleadingCharacterClass: the class lists the zero-width characters (skin-tone modifiers, ZWJ, VS16) one by one on purpose
      (/[\u{1F3FB}-\u{1F3FF}\u200d\ufe0f]/u.test(ch)
        ? 0
        : /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60\uffe0-\uffe6\u{1F300}-\u{1FAFF}]/u.test(ch)
          ? 2
          : 1),
    0,
  );
