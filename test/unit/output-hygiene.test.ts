// Names and notes from a run document reach terminals, Markdown pages and spreadsheets: none of them can drive the
// terminal, forge a line or run a formula, and a reader that stops early ends nothing but its own pipe (issue 19,
// item 12; the refusal of --output onto an earlier run is in cli-run.test.ts).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { RunDocument } from '../../src/model/run-document.js';
import { renderResultsCsv, renderSamplesCsv, toCsv } from '../../src/report/csv.js';
import { renderHtml } from '../../src/report/html.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderSvg } from '../../src/report/svg.js';
import { viewOf } from '../../src/results/view.js';
import { shareRun } from '../../src/share/from-run.js';
import { markdownSummary } from '../../src/share/summary.js';
import { safeText, withSafeText } from '../../src/util/safe-text.js';
import { runCli, startCli } from '../helpers/cli.js';
import { recording } from '../helpers/seven-samples.js';

const scratch = mkdtempSync(join(tmpdir(), 'mountbench-hygiene-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

// Clears the screen and retitles the window; then a note that overwrites its own line with a forged figure.
const HOSTILE_LABEL = 'Docker\u001b[2J\u001b]0;pwned\u0007 on Linux';
const HOSTILE_NOTE = 'figures are fine\rFORGED: bind mounts 1.00x';
// What no output may carry from a document: ESC, BEL, CR, backspace, any other C0 but \n and \t, DEL, C1.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

function hostileRun(): RunDocument {
  const doc = recording('small-docker-linux.json');
  doc.platforms[0].identity!.label = HOSTILE_LABEL;
  doc.notes = [HOSTILE_NOTE, 'backspaced: ok\b\b\bBAD and a C1 CSI \u009b31m and DEL \u007f'];
  doc.cells[1].status = 'failed';
  doc.cells[1].reason = `npm ERR! \u001b[31mred\u001b[0m\rwritten over`;
  return doc;
}

const file = join(scratch, 'run.json');
writeFileSync(file, JSON.stringify(hostileRun()));

describe('safeText', () => {
  it('replaces each control sequence or character by one visible "�", keeping newline and tab', () => {
    assert.equal(safeText(HOSTILE_LABEL), 'Docker�� on Linux');
    assert.equal(safeText('a\rb\bc\u0000d\u009b2Je\u007ff'), 'a�b�c�d�e�f');
    assert.equal(safeText('two\nlines\tand a tab'), 'two\nlines\tand a tab');
    assert.equal(safeText('\u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\'), '�click�');
  });
  it('copies a value with every string made safe and shared objects still shared', () => {
    const shared = { label: HOSTILE_LABEL };
    const copy = withSafeText({ a: shared, b: [shared, 3, null] });
    assert.equal(copy.a.label, 'Docker�� on Linux');
    assert.equal(copy.b[0], copy.a);
    assert.equal(copy.b[1], 3);
    assert.equal(shared.label, HOSTILE_LABEL, 'the original is untouched');
  });
});

describe('a run document with control sequences in its names and notes', () => {
  it('reaches the terminal as visible placeholders, while our own colours still work', { timeout: 60_000 }, async () => {
    // Colours forced on: the only escape sequences left are picocolors' SGR ones.
    const out = await runCli(['report', file, '--format', 'table'], { NO_COLOR: undefined, FORCE_COLOR: '1' });
    assert.equal(out.code, 0, out.stderr);
    assert.match(out.stdout, /\u001b\[1m/, 'bold, ours');
    assert.match(out.stdout, /Docker�� on Linux/);
    const withoutOurColours = out.stdout.replace(/\u001b\[\d+(;\d+)*m/g, '');
    assert.doesNotMatch(withoutOurColours, CONTROL);
    assert.doesNotMatch(out.stdout, /\u001b\]|\u001b\[2J|\u0007|\r/);
  });
  it('reaches results.md, the share summary, chart.svg and report.html without one control character', () => {
    const view = viewOf([hostileRun()]);
    const markdown = renderMarkdown(view);
    assert.match(markdown, /Docker�� on Linux/);
    assert.match(markdown, /figures are fine�FORGED/, 'the run note, its overwrite made visible');
    const summary = markdownSummary(shareRun(hostileRun(), { includeProject: false }).result);
    assert.match(summary, /Docker�� on Linux/);
    // The page carries the document itself, as data, in a script element of its own: the document as it was.
    const page = renderHtml(view).replace(/<script type="application\/json" id="mountbench-data">.*?<\/script>/s, '');
    for (const [name, text] of [['results.md', markdown], ['share summary', summary], ['chart.svg', renderSvg(view)], ['report.html', page]]) {
      assert.doesNotMatch(text, CONTROL, name);
    }
  });
  it('keeps report.html whole when a name holds markup', () => {
    const doc = hostileRun();
    doc.platforms[0].identity!.label = '</table><script>alert(1)</script>';
    const html = renderHtml(viewOf([doc]));
    assert.doesNotMatch(html, /<script>alert/);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });
});

describe('CSV cells', () => {
  it('a text cell that a spreadsheet reads as a formula gets a leading apostrophe; numbers never do', () => {
    const rows = [['=HYPERLINK("http://evil.example","click")', '@SUM(A1:A9)', '+1', '-1+2', '\tx', '\rx', 'fine', -0.5, 0]];
    assert.equal(toCsv(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'], rows), `a,b,c,d,e,f,g,h,i\n"'=HYPERLINK(""http://evil.example"",""click"")",'@SUM(A1:A9),'+1,'-1+2,'\tx,"'\rx",fine,-0.5,0\n`);
  });
  it('results.csv and samples.csv neutralise hostile names and reasons, and keep negative figures as numbers', () => {
    const doc = hostileRun();
    doc.cells[1].reason = '=HYPERLINK("http://evil.example","click")';
    doc.cells[2].strategy = 'hybrid';
    doc.cells[2].workload = '@SUM(A1:A9)';
    doc.cells[3].platform = '+1';
    doc.cells[0].summary!.min = -0.5;
    const results = renderResultsCsv(viewOf([doc]));
    assert.match(results, /"'=HYPERLINK\(""http/);
    assert.match(results, /,'@SUM\(A1:A9\),/);
    assert.match(results, /,'\+1,/);
    assert.doesNotMatch(results, /(^|,)[=+@]/m);
    const [header, nativeRow] = results.split('\n');
    assert.equal(nativeRow.split(',')[header.split(',').indexOf('min')], '-0.5');
    const samples = renderSamplesCsv(viewOf([doc]));
    assert.match(samples, /^'\+1,/m);
    assert.doesNotMatch(samples, /(^|,)[=+@]/m);
  });
});

describe('a reader that stops early', () => {
  const another = new URL('../recordings/runs/workloads-host-and-lab.json', import.meta.url).pathname;
  for (const args of [['report', file], ['compare', file, another, '--format', 'md'], ['--help']]) {
    it(`mountbench ${args[0]} into a closed pipe ends with 0 and says nothing`, { timeout: 60_000 }, async () => {
      const { child, done } = startCli(args);
      child.stdout!.destroy(); // closed before the first line is written: every write meets EPIPE
      const out = await done;
      assert.equal(out.stderr, '');
      assert.equal(out.code, 0);
    });
  }
});
