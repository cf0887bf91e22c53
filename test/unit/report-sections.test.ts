// A report section is one file and one line: a section source handed to the renderers (here as a contributed
// section, as a strategy hands in its own) appears in results.md and report.html — its title, its table with the
// numbers right-aligned, its entry in the page's navigation — placed after the section it names, with no other change.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { renderHtml } from '../../src/report/html.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { columns, row, table, type ContributedSection } from '../../src/report/section.js';
import { SECTIONS, withContributed } from '../../src/report/sections/index.js';
import { parseRunDocument } from '../../src/results/store.js';
import { viewOf } from '../../src/results/view.js';

const recording = (name: string) => parseRunDocument(JSON.parse(readFileSync(new URL(`../recordings/runs/${name}`, import.meta.url), 'utf8')), name);
const view = viewOf([recording('small-docker-linux.json')]);

/** A new section: the number of samples of each cell, from the view alone. */
const samplesPerCell: ContributedSection = {
  id: 'samples-per-cell',
  after: 'platforms',
  build: (v) => [
    {
      id: 'samples-per-cell',
      title: 'Samples per cell',
      nav: 'Samples',
      intro: 'How many samples each cell kept.',
      blocks: [table(columns(['Cell', 'text'], ['Samples', 'numeric']), v.cells.map((c) => row([c.id, String(c.samples.length)])))],
    },
  ],
};

describe('report sections', () => {
  it('a new section appears in both formats, after its anchor, its table and nav entry included', () => {
    const sections = [samplesPerCell];
    const first = view.cells[0];
    const md = renderMarkdown(view, { sections });
    assert.match(md, /\n## Samples per cell\n\nHow many samples each cell kept\.\n\n\| Cell \| Samples \|\n\| --- \| ---: \|\n/);
    assert.ok(md.includes(`| ${first.id} | ${first.samples.length} |`));
    assert.ok(md.indexOf('## Platforms') < md.indexOf('## Samples per cell') && md.indexOf('## Samples per cell') < md.indexOf('## Method'));

    const html = renderHtml(view, { sections });
    assert.match(html, /<a href="#platforms">Platforms<\/a> <a href="#samples-per-cell">Samples<\/a> <a href="#notes">Notes<\/a>/);
    assert.match(html, /<section id="samples-per-cell">\n<h2>Samples per cell<\/h2>\n<p>How many samples each cell kept\.<\/p>\n<div class="scroll"><table>/);
    assert.ok(html.includes(`<tr><td>${first.id}</td><td class="num">${first.samples.length}</td></tr>`));
    assert.ok(html.indexOf('id="platforms"') < html.indexOf('id="samples-per-cell"') && html.indexOf('id="samples-per-cell"') < html.indexOf('id="notes"'));

    // Everything else is as it was without the section.
    const without = (text: string, from: string, to: string) => text.slice(0, text.indexOf(from)) + text.slice(text.indexOf(to));
    assert.equal(without(md, '## Samples per cell', '## Method'), renderMarkdown(view));
    assert.equal(without(html, '<section id="samples-per-cell">', '<section id="notes">').replace('<a href="#samples-per-cell">Samples</a> ', ''), renderHtml(view));
  });

  it('keeps contributed sections after their anchor in the order given, and refuses an anchor no section has', () => {
    const second = { ...samplesPerCell, id: 'second' };
    const ids = withContributed(SECTIONS, [samplesPerCell, second]).map((s) => s.id);
    assert.deepEqual(ids.slice(ids.indexOf('platforms'), ids.indexOf('platforms') + 4), ['platforms', 'samples-per-cell', 'second', 'notes']);
    assert.throws(() => withContributed(SECTIONS, [{ ...samplesPerCell, after: 'nowhere' }]), /placed after "nowhere", which no section is/);
  });
});
