// report.html in a real browser: Debian's Chromium, driven by playwright-core, opens from disk the pages that
// `report --format html` and `compare --format html --published --baseline` write for the recordings. Each must load
// without a console error or a request beyond itself, fit 1280 and 390 px wide without scrolling sideways, light
// and dark, print, show in its tables and dots exactly the figures of the documents, and give the documents back.
// Screenshots (and a print PDF) are kept in test-artifacts/ for a human to look at.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { figure, medianIntervalText, percent, ratioCellText } from '../../src/report/format.js';
import type { RunDocument } from '../../src/model/run-document.js';
import { parseRunDocument } from '../../src/results/store.js';
import { measuredValues } from '../../src/stats/summarise-cells.js';
import { runCli } from '../helpers/cli.js';

const CHROMIUM = '/usr/bin/chromium';
// This machine's network is closed: Chromium must not try to reach anything on its own.
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
const RECORDINGS = fileURLToPath(new URL('../recordings/runs/', import.meta.url));

const scratch = mkdtempSync(join(tmpdir(), 'mountbench-html-'));
let browser: BrowserContext;

const raw = (name: string) => JSON.parse(readFileSync(join(RECORDINGS, name), 'utf8'));
/** The documents as run.json holds them once read: what every report is rendered from. */
const read = (json: unknown, name: string) => parseRunDocument(json, name);

/** A second run of the small recording, a day later: the runs compared with their baseline. */
const again = { ...raw('small-docker-linux.json'), id: 'again', startedAt: '2026-11-24T10:00:00.000Z' };
const small = join(RECORDINGS, 'small-docker-linux.json');
const workloads = join(RECORDINGS, 'workloads-host-and-lab.json');

interface Rendered {
  name: string;
  file: string;
  docs: RunDocument[];
}
const pages: Rendered[] = [];

before(async () => {
  if (!existsSync(CHROMIUM)) assert.fail(`${CHROMIUM} is missing: run .ci/run, which installs Debian's chromium (apt-get install chromium)`);
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(scratch, 'again.json'), JSON.stringify(again));
  for (const [name, file] of [['small', small], ['workloads', workloads]]) {
    const { code, stdout, stderr } = await runCli(['report', file, '--format', 'html']);
    assert.equal(code, 0, stderr);
    mkdirSync(join(scratch, name));
    writeFileSync(join(scratch, name, 'report.html'), stdout);
    pages.push({ name, file: join(scratch, name, 'report.html'), docs: [read(raw(file.slice(RECORDINGS.length)), file)] });
  }
  const out = join(scratch, 'compare.html');
  const args = ['compare', small, join(scratch, 'again.json'), workloads, '--published', '--baseline', small, '--format', 'html', '-o', out];
  const { code, stderr } = await runCli(args);
  assert.equal(code, 0, stderr);
  const docs = [read(raw('small-docker-linux.json'), small), read(again, 'again'), read(raw('workloads-host-and-lab.json'), workloads)];
  pages.push({ name: 'compare', file: out, docs: docs.sort((a, b) => a.startedAt.localeCompare(b.startedAt)) });
  browser = await chromium.launchPersistentContext(join(scratch, 'profile'), { executablePath: CHROMIUM, args: ARGS, headless: true });
});
after(async () => {
  await browser?.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** Open a page from disk, collecting console errors, page errors and any request beyond the file itself. */
async function open(rendered: Rendered, width: number, media: Parameters<Page['emulateMedia']>[0] = {}) {
  const page = await browser.newPage();
  const problems: string[] = [];
  const url = pathToFileURL(rendered.file).href;
  page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => request.url() !== url && problems.push(`request: ${request.url()}`));
  await page.setViewportSize({ width, height: 900 });
  await page.emulateMedia(media);
  await page.goto(url, { waitUntil: 'load' });
  return { page, problems };
}

const overflow = (page: Page) => page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));

/** The numeric cells of a table row, as report.html prints them from the document. */
function expectedRow(cell: RunDocument['cells'][number]): string[] {
  const s = cell.summary;
  if (!s) return ['—', '—', '—', '—', '—', '—', '0'];
  return [figure(s.mean), `${figure(s.min)}–${figure(s.max)}`, figure(s.median), medianIntervalText(s, '–'), percent(s.cv), ratioCellText(cell, '–'), String(s.n)];
}

describe('report.html in Chromium', { timeout: 180_000 }, () => {
  it('loads without errors or requests, and fits 1280 and 390 px, light and dark (screenshots kept)', async () => {
    for (const rendered of pages) {
      for (const width of [1280, 390]) {
        for (const colorScheme of ['light', 'dark'] as const) {
          const { page, problems } = await open(rendered, width, { colorScheme });
          const { scroll, client } = await overflow(page);
          assert.ok(scroll <= client, `${rendered.name} at ${width} px, ${colorScheme}: the page scrolls sideways (${scroll} > ${client})`);
          const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
          assert.equal(background, colorScheme === 'dark' ? 'rgb(20, 20, 20)' : 'rgb(255, 255, 255)', `${rendered.name}: ${colorScheme} style`);
          await page.screenshot({ path: join(ARTIFACTS, `${rendered.name}-${width}-${colorScheme}.png`), fullPage: true });
          assert.deepEqual(problems, [], `${rendered.name} at ${width} px, ${colorScheme}`);
          await page.close();
        }
      }
    }
  });
  it('prints: the print style applies, light even in dark mode, tables unboxed (a PDF kept)', async () => {
    for (const rendered of pages) {
      const { page, problems } = await open(rendered, 1280, { media: 'print', colorScheme: 'dark' });
      const style = await page.evaluate(() => ({
        nav: getComputedStyle(document.querySelector('nav')!).display,
        scroll: getComputedStyle(document.querySelector('.scroll')!).overflowX,
        background: getComputedStyle(document.body).backgroundColor,
      }));
      assert.deepEqual(style, { nav: 'none', scroll: 'visible', background: 'rgb(255, 255, 255)' }, rendered.name);
      await page.pdf({ path: join(ARTIFACTS, `${rendered.name}-print.pdf`), format: 'A4' });
      assert.deepEqual(problems, [], rendered.name);
      await page.close();
    }
  });
  it('shows in each table row the figures of its cell, and a dot for each measured sample', async () => {
    for (const rendered of pages) {
      const { page } = await open(rendered, 1280);
      const rows = await page.$$eval('tr[data-cell]', (trs) =>
        trs.map((tr) => ({ run: tr.getAttribute('data-run')!, cell: tr.getAttribute('data-cell')!, numbers: [...tr.querySelectorAll('td.num')].map((td) => td.textContent!) })),
      );
      const dots = await page.$$eval('g[data-cell]', (gs) => gs.map((g) => ({ run: g.getAttribute('data-run')!, cell: g.getAttribute('data-cell')!, dots: g.querySelectorAll('circle').length })));
      const cells = rendered.docs.flatMap((doc) => doc.cells.map((cell) => ({ run: doc.id, cell })));
      assert.equal(rows.length, cells.length, `${rendered.name}: a row per cell`);
      assert.equal(dots.length, cells.length, `${rendered.name}: a chart row per cell`);
      for (const { run, cell } of cells) {
        const where = `${rendered.name}: ${run} ${cell.id}`;
        assert.deepEqual(rows.find((r) => r.run === run && r.cell === cell.id)?.numbers, expectedRow(cell), where);
        assert.equal(dots.find((d) => d.run === run && d.cell === cell.id)?.dots, measuredValues(cell).length, where);
      }
      await page.close();
    }
  });
  it('gives the documents back from its data block, and says in words what the lab did to hot reload', async () => {
    for (const rendered of pages) {
      const { page } = await open(rendered, 390);
      const data = await page.evaluate(() => JSON.parse(document.getElementById('mountbench-data')!.textContent!));
      const docs = JSON.parse(JSON.stringify(rendered.docs));
      assert.deepEqual(data, docs.length === 1 ? docs[0] : docs, rendered.name);
      const verdict = await page.locator('#verdict').innerText();
      if (rendered.name !== 'small') assert.match(verdict, /Hot reload misses every event written on the host through a bind mount/);
      await page.close();
    }
    const { page } = await open(pages.find((p) => p.name === 'compare')!, 390);
    assert.ok((await page.locator('tr.published .tag').count()) > 0, 'published rows are marked');
    assert.ok((await page.locator('#change tbody tr').count()) > 0, 'the change since the baseline');
    await page.close();
  });
});
