import { describe, expect, it } from 'vitest';
import { median, pairRatios, rotate, verdict } from '../../scripts/bench/stats.js';

describe('bench arithmetic', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow();
  });

  it('divides measurements pair by pair', () => {
    expect(pairRatios([2, 9], [1, 3])).toEqual([2, 3]);
    expect(() => pairRatios([1], [1, 2])).toThrow();
  });

  it('rotates the order so that each engine leads a round in turn', () => {
    expect([0, 1, 2, 3].map((round) => rotate(['a', 'b', 'c'], round).join(''))).toEqual(['abc', 'bca', 'cab', 'abc']);
  });

  it('judges a bar as the issue words it: under, or at most; unmeasured is a skip', () => {
    const bar = { name: 'x', limit: 2, unit: 's' };
    expect(verdict({ ...bar, measured: 2, compare: '<' })).toBe('FAIL');
    expect(verdict({ ...bar, measured: 2, compare: '<=' })).toBe('PASS');
    expect(verdict({ ...bar, measured: undefined, compare: '<' })).toBe('SKIP');
  });
});
