/** Pure arithmetic of the bench, kept apart so that it is unit-tested without running anything. */

/** The middle value (the mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Ratios of measurements taken pair by pair (a[i] / b[i]), so that machine load drifting during the run cancels out. */
export function pairRatios(a: readonly number[], b: readonly number[]): number[] {
  if (a.length !== b.length) throw new Error(`pairs of unequal length: ${a.length} and ${b.length}`);
  return a.map((value, i) => value / b[i]!);
}

/** A rotation of `items` by `round` places: each engine goes first, second, … in turn, so none always runs on a cold CPU cache. */
export const rotate = <T>(items: readonly T[], round: number): T[] => items.map((_, i) => items[(i + round) % items.length]!);

export type Verdict = 'PASS' | 'FAIL' | 'SKIP';

/** A bar of the speed issue: `measured` must be at most (or under) `limit`; undefined measured means it could not be measured here. */
export interface Bar {
  name: string;
  measured: number | undefined;
  limit: number;
  /** `<` (strictly under) or `<=` (at most), as the issue words it. */
  compare: '<' | '<=';
  unit: string;
  note?: string;
}

export function verdict(bar: Bar): Verdict {
  if (bar.measured === undefined) return 'SKIP';
  return (bar.compare === '<' ? bar.measured < bar.limit : bar.measured <= bar.limit) ? 'PASS' : 'FAIL';
}
