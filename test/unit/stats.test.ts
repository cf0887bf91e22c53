import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mean, median, quantileSorted, stddev } from '../../src/stats/descriptive.js';
import { madOutliers, medianAbsoluteDeviation } from '../../src/stats/outliers.js';
import { seededRandom } from '../helpers/random.js';
import { summarise } from '../../src/stats/summary.js';

const close = (actual: number, expected: number, tolerance = 1e-9) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} is not within ${tolerance} of ${expected}`);

describe('descriptive statistics (reference values from numpy / R)', () => {
  const data = [2, 4, 4, 4, 5, 5, 7, 9];
  it('mean', () => close(mean(data), 5));
  it('sample standard deviation (ddof=1): numpy.std(data, ddof=1) = 2.138089935299395', () =>
    close(stddev(data), 2.138089935299395));
  it('median of an even and an odd count', () => {
    close(median(data), 4.5);
    close(median([3, 1, 2]), 2);
  });
  it('quantiles interpolate like numpy.quantile (type 7)', () => {
    const sorted = [1, 2, 3, 4, 10];
    close(quantileSorted(sorted, 0.25), 2);
    close(quantileSorted(sorted, 0.9), 7.6); // numpy.quantile([1,2,3,4,10], 0.9) = 7.6
    close(quantileSorted(sorted, 0.025), 1.1);
  });
  it('a single value has no spread', () => close(stddev([42]), 0));
  it('refuses an empty sample', () => assert.throws(() => mean([]), RangeError));
});

describe('outliers (modified z-score > 3.5)', () => {
  it('MAD of [1,1,2,2,4,6,9] is 1 (R: mad(x, constant = 1))', () => close(medianAbsoluteDeviation([1, 1, 2, 2, 4, 6, 9]), 1));
  it('flags a sample far from the rest, by position', () => {
    assert.deepEqual(madOutliers([45.1, 45.9, 46.3, 45.5, 61.0, 45.8]), [4]);
  });
  it('flags nothing in a tight sample or when MAD is 0', () => {
    assert.deepEqual(madOutliers([45.1, 45.9, 46.3, 45.5, 45.8]), []);
    assert.deepEqual(madOutliers([5, 5, 5, 9]), []);
  });
});

describe('the seeded generator of the simulations', () => {
  it('is uniform enough: mean of 10,000 draws near 0.5', () => {
    const random = seededRandom(1);
    const draws = Array.from({ length: 10000 }, random);
    close(mean(draws), 0.5, 0.01);
    assert.ok(draws.every((d) => d >= 0 && d < 1));
  });
});

describe('summarise', () => {
  it('reports the figures of the measured samples and the outliers by sample index', () => {
    const s = summarise(
      [10, 11, 12, 13, 14, 15].map((index, i) => ({ index, value: [45.1, 45.9, 46.3, 45.5, 61.0, 45.8][i] })),
    );
    assert.equal(s.n, 6);
    close(s.median, 45.85);
    close(s.min, 45.1);
    close(s.max, 61.0);
    close(s.cv!, s.stddev! / s.mean);
    assert.deepEqual(s.outliers, [14]);
    // Six samples: the order-statistic interval is the whole range, with coverage 1 - 2/2^6.
    assert.deepEqual(s.interval, { low: 45.1, high: 61.0, coverage: 0.96875 });
  });
  it('has no CV and no interval with one sample, and says why', () => {
    const s = summarise([{ index: 1, value: 42 }]);
    assert.equal(s.cv, null);
    assert.equal(s.stddev, null);
    assert.equal(s.interval, null);
    assert.match(s.intervalNote!, /needs at least 6 samples/);
  });
});
