// A shared cell's verdicts: the interval's against 1 for every run, and the run's own verdict against its margin
// (issue 21's slower / faster / same / undecided) carried through when the run document has one, on the cell or on
// its ratio — and absent, not invented, when it has none, so results shared before keep their ids.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { RunDocument } from '../../src/model/run-document.js';
import { parseRunDocument } from '../../src/results/store.js';
import { shareRun } from '../../src/share/from-run.js';
import { NO_IDENTITY } from '../../src/share/redact.js';
import { SharedResult } from '../../src/share/schema.js';
import { markdownSummary, verdictText } from '../../src/share/summary.js';
import { verdictOf } from '../../src/share/verdict.js';

const read = (): RunDocument =>
  parseRunDocument(JSON.parse(readFileSync(new URL('../recordings/runs/sync-medium-lab.json', import.meta.url), 'utf8')), 'sync-medium-lab.json');
const share = (doc: RunDocument) => shareRun(doc, { includeProject: false, identity: NO_IDENTITY }).result;

describe('verdicts in a shared result', () => {
  it("derives the interval's verdict against 1 for every cell with a ratio interval, none for native", () => {
    const doc = read();
    const result = share(doc);
    const judged = doc.cells.filter((c) => c.ratioToNative?.interval && c.strategy !== 'native');
    assert.ok(judged.length > 0);
    for (const [i, cell] of doc.cells.entries()) {
      const interval = cell.ratioToNative?.interval;
      const expected = !interval || cell.strategy === 'native' ? null : interval.low > 1 ? 'slower' : interval.high < 1 ? 'faster' : 'no detectable difference';
      assert.equal(result.cells[i].verdict, expected, cell.id);
      assert.equal(verdictOf(cell), expected);
    }
  });

  it('carries no run verdict when the run document has none: the field is absent, not null', () => {
    const result = share(read());
    assert.ok(result.cells.every((c) => !('runVerdict' in c)) && result.cells.length > 0);
    assert.ok(!JSON.stringify(result).includes('runVerdict'));
  });

  it("passes the run's own verdict through, on the cell or on its ratio, and shows it in the Markdown", () => {
    const doc = read();
    const bind = doc.cells.findIndex((c) => c.strategy === 'bind' && c.ratioToNative?.interval);
    const volume = doc.cells.findIndex((c) => c.strategy === 'volume' && c.ratioToNative?.interval);
    assert.ok(bind >= 0 && volume >= 0);
    // As a run document that records verdicts may hold them (the fields a newer schema keeps).
    Object.assign(doc.cells[bind], { verdict: { verdict: 'slower', margin: 0.1, text: 'slower, 2.1x (1.9–2.4)' } });
    Object.assign(doc.cells[volume].ratioToNative!, { verdict: 'same' });
    const result = share(doc);
    assert.deepEqual(result.cells[bind].runVerdict, { verdict: 'slower', margin: 0.1, text: 'slower, 2.1x (1.9–2.4)' });
    assert.deepEqual(result.cells[volume].runVerdict, { verdict: 'same', margin: null, text: null });
    assert.equal(SharedResult.safeParse(result).success, true);
    assert.equal(verdictText(result.cells[bind]), 'slower, 2.1x (1.9–2.4)');
    assert.equal(verdictText({ verdict: null, runVerdict: { verdict: 'same', margin: 0.1, text: null } }), 'the same within ±10%');
    assert.equal(verdictText(result.cells[volume]), 'the same');
    assert.ok(markdownSummary(result).includes('| slower, 2.1x (1.9–2.4) |'));
  });

  it('ignores what is not a verdict', () => {
    const doc = read();
    Object.assign(doc.cells[1], { verdict: 'probably slower' });
    Object.assign(doc.cells[2], { verdict: { verdict: 42 } });
    const result = share(doc);
    assert.equal(result.cells[1].runVerdict, undefined);
    assert.equal(result.cells[2].runVerdict, undefined);
  });
});
