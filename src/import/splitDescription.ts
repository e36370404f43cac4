/** A line that starts a list item: a bullet character, a dash, or a number (`1.`, `2)`). */
const BULLET = /^\s*(?:[-*•·▪◦‣–—●○■□►▶✓✔]|\d{1,2}[.)])\s+/;

/**
 * A LinkedIn description → a summary and highlights. One paragraph is a summary. Lines that
 * start with a bullet are highlights (a line after one that has none continues it), and the lines
 * before the first bullet are the summary; lines with no bullets at all are each a highlight,
 * except a first line that ends with `:` (a lead-in), which is the summary.
 */
export function splitDescription(description: string): { summary?: string; highlights?: string[] } {
  const lines = description
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  if (lines.length === 0) return {};
  if (lines.length === 1) return { summary: lines[0] };
  const firstBullet = lines.findIndex((line) => BULLET.test(line));
  if (firstBullet < 0) {
    const [first, ...rest] = lines;
    return first!.endsWith(':') ? { summary: first, highlights: rest } : { highlights: lines };
  }
  const highlights: string[] = [];
  for (const line of lines.slice(firstBullet)) {
    if (BULLET.test(line)) highlights.push(line.replace(BULLET, ''));
    else highlights[highlights.length - 1] += ` ${line}`;
  }
  const summary = lines.slice(0, firstBullet).join('\n');
  return { ...(summary ? { summary } : {}), highlights };
}
