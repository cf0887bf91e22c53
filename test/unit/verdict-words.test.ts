// A ratio's verdict shows wherever the ratio does, in the same words: the terminal's table, results.md and
// report.html (a Verdict column), results.csv (columns at the end), and the worst strategy is marked only when its
// verdict says it is slower. Runs recorded before verdicts keep their tables as they were.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { comparisonTables } from '../../src/report/comparison.js';
import { renderResultsCsv } from '../../src/report/csv.js';
import { renderHtml } from '../../src/report/html.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderTerminal } from '../../src/report/terminal.js';
import { verdictPhrase, verdictShort, verdictWords } from '../../src/report/ratio-verdict.js';
import { viewOf } from '../../src/results/view.js';
import { recording, withSamples } from '../helpers/seven-samples.js';

const stripAnsi = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');
// Bind twice native's time, the hybrid 1.2x, the container 0.8x, the volume 1.005x, every round in step.
const decided = viewOf([withSamples({ native: 10, container: 8, hybrid: 12, bind: 20, volume: 10.05 })]);
const cell = (view: typeof decided, strategy: string) => view.cells.find((c) => c.strategy === strategy)!;

describe('verdict words', () => {
  it('say slower with its ratio, the same within the margin, and faster', () => {
    assert.equal(verdictShort(cell(decided, 'bind')), 'slower');
    assert.equal(verdictPhrase(cell(decided, 'bind')), 'slower, 2.00x (2.00–2.00)');
    assert.equal(verdictShort(cell(decided, 'volume')), 'same ±10%');
    assert.equal(verdictWords(cell(decided, 'volume')), 'no slower than native within ±10%');
    assert.equal(verdictShort(cell(decided, 'container')), 'faster');
    assert.equal(verdictShort(cell(decided, 'native')), null, 'native is the reference: no verdict');
  });
  it('say undecided with the samples it had and what would decide it', () => {
    const noisy = viewOf([withSamples({ native: 10, container: 10, hybrid: 11, bind: 20, volume: 10 }, 'shuffled')]);
    const hybrid = cell(noisy, 'hybrid');
    assert.equal(hybrid.ratioToNative?.verdict?.word, 'undecided');
    assert.match(verdictShort(hybrid)!, /^undecided \((about|over) \d+ samples\)$/);
    assert.match(verdictPhrase(hybrid)!, /^undecided after 7 samples \(1\.\d\d–1\.\d\d\): about \d+ samples would decide it$/);
  });
  it('fill a Verdict column in the terminal, Markdown and HTML tables', () => {
    const terminal = stripAnsi(renderTerminal(decided));
    assert.match(terminal, /vs native │ Verdict\s+│/);
    assert.match(terminal, /Bind mount .*│ 2\.00x \(2\.00–2\.00\)\s+│ slower\s+│/);
    assert.match(terminal, /Volume .*│ same ±10%\s+│/);
    const md = renderMarkdown(decided);
    assert.match(md, /\| vs native \| Verdict \| n \|/);
    assert.match(md, /\| no slower than native within ±10% \| 7 \|/);
    assert.match(renderHtml(decided), /<th class="wrap">Verdict<\/th>/);
  });
  it('add verdict columns at the end of results.csv', () => {
    const [header, ...rows] = renderResultsCsv(decided).trim().split('\n');
    assert.ok(header.endsWith(',source,ratio_method,verdict,verdict_margin,verdict_samples,verdict_forecast'));
    const bind = rows.find((r) => r.includes(',bind,'))!;
    assert.ok(bind.endsWith(',paired-signed-rank,slower,0.1,7,'), bind);
  });
  it('mark the worst strategy only when its verdict says slower', () => {
    assert.match(renderMarkdown(decided), /\| \*\*Bind mount\*\* \|/);
    const same = viewOf([withSamples({ native: 10, container: 10.2, hybrid: 10.1, bind: 10.3, volume: 10 })]);
    assert.doesNotMatch(renderMarkdown(same), /\*\*(Bind mount|Bind mount \+ volume|No volumes|Volume)\*\*/, 'nothing is worse than native beyond the margin');
  });
  it('leave runs recorded before verdicts as they were: no Verdict column', () => {
    const old = viewOf([recording('workloads-host-and-lab.json')]);
    assert.doesNotMatch(renderMarkdown(old), /Verdict \|/);
    assert.doesNotMatch(stripAnsi(renderTerminal(old)), /Verdict/);
  });
});

describe('verdict words in compare', () => {
  it('follow each ratio to native across runs', () => {
    const [table] = comparisonTables(decided);
    const [row] = table.rows;
    assert.match(row.ratios.bind!, /^2\.00x \(2\.00-2\.00, .*\), slower$/);
    assert.match(row.ratios.volume!, /, same ±10%$/);
  });
});

describe('the Method section', () => {
  it('says the paired interval with its assumption, and the verdict with its margin', () => {
    const md = renderMarkdown(decided);
    const method = md.slice(md.indexOf('## Method'));
    assert.match(method, /pairs the rounds: each round gives one ratio/);
    assert.match(method, /It assumes the rounds are independent/);
    assert.match(method, /Verdict: slower or faster when the ratio's interval lies wholly beyond 1 ± 10%/);
    assert.doesNotMatch(method, /divides the ends of an interval of each median/, 'no corner product in a run that has none');
  });
});
