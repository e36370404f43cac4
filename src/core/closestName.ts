/** The known name closest to a mistyped one (edit distance, case ignored), when one is close enough to be meant. */
export function closestName(name: string, known: readonly string[]): string | undefined {
  const close = known
    .map((k) => [k, distance(name.toLowerCase(), k.toLowerCase())] as const)
    .filter(([, d]) => d <= Math.max(2, name.length / 3))
    .sort((a, b) => a[1] - b[1]);
  return close[0]?.[0];
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = current;
    }
  }
  return row[b.length]!;
}
