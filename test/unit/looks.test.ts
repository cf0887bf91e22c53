// Planned looks: the sample counts at which sequential stopping may judge a ratio, and each look's confidence,
// whose errors sum to the overall error (Bonferroni), so the stopped result keeps the overall confidence.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_LOOKS, lookAt, minSamplesAt, planLooks, type LookPlan } from '../../src/stats/looks.js';

function plan(result: LookPlan | { reason: string }): LookPlan {
  if ('reason' in result) return assert.fail(`expected a plan, got: ${result.reason}`);
  return result;
}

const errorSum = (p: LookPlan) => p.looks.reduce((sum, look) => sum + (1 - look.confidence), 0);

describe('planLooks', () => {
  it('the defaults: 10, 20 and 30 samples at 99%, 98.5% and 97.5% (errors 1% + 1.5% + 2.5% = 5%)', () => {
    assert.deepEqual(plan(planLooks()), {
      looks: [{ samples: 10, confidence: 0.99 }, { samples: 20, confidence: 0.985 }, { samples: 30, confidence: 0.975 }],
      overall: 0.95,
      split: 'default',
    });
    assert.deepEqual(DEFAULT_LOOKS, [10, 20, 30]);
    assert.deepEqual(plan(planLooks([10, 20, 30])), plan(planLooks())); // named explicitly, the same
  });

  it('the default looks at another overall level keep the shares 20%, 30%, 50% of the error', () => {
    assert.deepEqual(plan(planLooks(DEFAULT_LOOKS, 0.9)).looks.map((l) => l.confidence), [0.98, 0.97, 0.95]);
  });

  it('custom looks: shares of the error proportional to the sample counts (8, 16 at 95%: 1.67% and 3.33%)', () => {
    const looks = plan(planLooks([8, 16])).looks;
    assert.deepEqual(looks.map((l) => l.samples), [8, 16]);
    assert.ok(Math.abs(looks[0].confidence - (1 - 0.05 / 3)) < 1e-11);
    assert.ok(Math.abs(looks[1].confidence - (1 - 0.1 / 3)) < 1e-11);
    assert.equal(plan(planLooks([8, 16])).split, 'proportional');
    const one = plan(planLooks([25]));
    assert.deepEqual(one.looks, [{ samples: 25, confidence: 0.95 }]); // a single look is a fixed count
  });

  it('the errors never sum past the overall error, so Bonferroni keeps the overall confidence', () => {
    for (const looks of [[10, 20, 30], [8, 16], [10, 15, 20, 25, 30], [12, 24, 36, 48], [30]]) {
      for (const overall of [0.9, 0.95, 0.99]) {
        const result = planLooks(looks, overall);
        if ('reason' in result) continue; // e.g. 99% over five looks from 10
        assert.ok(errorSum(result) <= 1 - overall + 1e-15, `${looks} at ${overall}: ${errorSum(result)}`);
        assert.ok(errorSum(result) >= 1 - overall - 1e-11, 'and spends it all');
      }
    }
  });

  it('refuses looks that are not increasing whole numbers', () => {
    assert.deepEqual(planLooks([]), { reason: 'name at least one look' });
    assert.deepEqual(planLooks([10, 10, 20]), { reason: 'looks must increase (got 10, 10, 20)' });
    assert.deepEqual(planLooks([20, 10]), { reason: 'looks must increase (got 20, 10)' });
    assert.deepEqual(planLooks([10, 12.5]), { reason: 'looks must be whole numbers of samples, 1 or more' });
    assert.deepEqual(planLooks([0, 10]), { reason: 'looks must be whole numbers of samples, 1 or more' });
  });

  it('refuses a look too early for its interval to exist at its level', () => {
    // 5, 10 at 95%: the look at 5 is at 1 - 0.05/3 = 98.33%, whose paired interval needs 7 rounds (1 - 2/128 = 98.4%).
    assert.deepEqual(planLooks([5, 10]), { reason: 'the look at 5 samples is at 98.33333333%, which needs at least 7 samples' });
    assert.ok('looks' in planLooks([7, 14]));
    // Unpaired intervals exist sooner (per side): 4 and 4 reach 97.1%, 5 and 5 reach 99.2%.
    assert.deepEqual(planLooks([4, 8], 0.95, 'unpaired-rank-sum'), { reason: 'the look at 4 samples is at 98.33333333%, which needs at least 5 samples' });
    assert.ok('looks' in planLooks([5, 10], 0.95, 'unpaired-rank-sum'));
  });
});

describe('minSamplesAt: the fewest samples for which the interval exists at a level', () => {
  // Paired: 1 - 2^(1-n) >= level. Unpaired, equal sizes s: 1 - 2 / C(2s, s) >= level (C = 20, 70, 252 for s = 3, 4, 5).
  const table: Array<[number, number, number]> = [
    [0.95, 6, 4], // 96.9% at 6 (93.8% at 5); 97.1% at 4 and 4
    [0.975, 7, 5], // 98.4% at 7 (96.9% at 6); 4 and 4 give 97.14% < 97.5%, 5 and 5 give 99.2%
    [0.985, 8, 5], // 98.4375% at 7 falls short of 98.5%: 8 (99.2%)
    [0.99, 8, 5], // 99.2% at 8; 99.2% at 5 and 5
  ];
  for (const [level, pairedMin, unpairedMin] of table) {
    it(`${level * 100}%: ${pairedMin} rounds paired, ${unpairedMin} and ${unpairedMin} unpaired`, () => {
      assert.equal(minSamplesAt(level), pairedMin);
      assert.equal(minSamplesAt(level, 'unpaired-rank-sum'), unpairedMin);
    });
  }
  it('so the default looks are all feasible: 10 rounds reach 99% (8 would), 20 reach 98.5%, 30 reach 97.5%', () => {
    const p = plan(planLooks());
    for (const look of p.looks) assert.ok(look.samples >= minSamplesAt(look.confidence));
  });
});

describe('lookAt', () => {
  it('finds the look planned at a sample count, none between looks', () => {
    const p = plan(planLooks());
    assert.deepEqual(lookAt(p, 20), { samples: 20, confidence: 0.985 });
    assert.equal(lookAt(p, 19), null);
    assert.equal(lookAt(p, 31), null);
  });
});
