// The site of `mountbench site` in a real browser, as report.html is tested (html-browser.test.ts): Debian's
// Chromium driven by playwright-core opens from disk a site built by the CLI from the three recorded runs shared,
// 60 made-up results (test/helpers/generated-results.ts, so rows aggregate several machines) and the articles'
// published figures. Every page loads without a console error or a request beyond the site's own files, fits 1280
// and 390 px without scrolling sideways, shows exactly the results' figures (overview rows recomputed here from the
// results, result pages and the compare page cell by cell), compares results by URL, and filters.
// Screenshots are kept in test-artifacts/ for a human to look at.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { coverageText, figure, ratioText, strategyTitle } from '../../src/report/format.js';
import { parseRunDocument } from '../../src/results/store.js';
import { shareRun } from '../../src/share/from-run.js';
import { resultPath } from '../../src/share/layout.js';
import { NO_IDENTITY } from '../../src/share/redact.js';
import type { SharedResult } from '../../src/share/schema.js';
import { ratioWithInterval } from '../../src/share/summary.js';
import { slug } from '../../src/site/page.js';
import { testOf } from '../../src/site/tests.js';
import { runCli } from '../helpers/cli.js';
import { generatedResults } from '../helpers/generated-results.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
const RECORDINGS = fileURLToPath(new URL('../recordings/runs/', import.meta.url));
const NAMES = ['small-docker-linux', 'sync-medium-lab', 'workloads-host-and-lab'];

const scratch = mkdtempSync(join(tmpdir(), 'mountbench-site-browser-'));
const site = join(scratch, 'site');
const siteUrl = `${pathToFileURL(site).href}/`;
let browser: BrowserContext;
const recorded: SharedResult[] = NAMES.map(
  (name) => shareRun(parseRunDocument(JSON.parse(readFileSync(join(RECORDINGS, `${name}.json`), 'utf8')), name), { includeProject: false, identity: NO_IDENTITY }).result,
);
const results = [...recorded, ...generatedResults(60)];

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  for (const r of results) {
    const file = join(scratch, 'results', resultPath(r));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(r));
  }
  const built = await runCli(['site', join(scratch, 'results'), '--output', site]);
  assert.equal(built.code, 0, built.stderr);
  browser = await chromium.launchPersistentContext(join(scratch, 'profile'), { executablePath: CHROMIUM, args: ARGS, headless: true });
});
after(async () => {
  await browser?.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** Open a page of the site, collecting console errors, page errors and any request outside the site's folder. */
async function open(path: string, width = 1280) {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => !request.url().startsWith(siteUrl) && problems.push(`request: ${request.url()}`));
  await page.setViewportSize({ width, height: 900 });
  await page.goto(new URL(path, siteUrl).href, { waitUntil: 'load' });
  return { page, problems };
}

const texts = (page: Page, selector: string) => page.$$eval(selector, (cells) => cells.map((c) => (c as HTMLElement).innerText.trim()));
const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const label = (r: SharedResult, key: string) => r.platforms.find((p) => p.key === key)!;
const COMPARED = `compare.html#${recorded[0].id},${recorded[1].id}`;

describe('the site in Chromium', { timeout: 300_000 }, () => {
  it('every page loads without errors or outside requests and fits 1280 and 390 px (screenshots kept)', async () => {
    const pages: Array<[string, string]> = [
      ['overview', 'index.html'],
      ['compare', COMPARED],
      ['result', `result/${recorded[2].id}.html`],
      ['platform', `platform/${slug(recorded[1].platforms[0].label)}.html`],
    ];
    for (const [name, path] of pages) {
      for (const width of [1280, 390]) {
        const { page, problems } = await open(path, width);
        if (name === 'compare') await page.waitForSelector('#out table');
        const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
        assert.ok(scroll <= client, `${name} at ${width} px scrolls sideways (${scroll} > ${client})`);
        // No text of a plot (legend titles, row labels, ticks) is drawn over another text or over a dot.
        // (No function is named inside the page's code: tsx would wrap it in a helper the page does not have.)
        const overlaps = await page.$$eval('figure svg', (svgs) =>
          svgs.flatMap((svg) => {
            const texts = [...svg.querySelectorAll('text')].map((e) => ({ name: e.textContent, box: e.getBBox() }));
            const dots = [...svg.querySelectorAll('circle')].map((e) => ({ name: 'a dot', box: e.getBBox() }));
            return texts.flatMap((a, i) =>
              [...texts.slice(i + 1), ...dots]
                .filter(({ box: b }) => a.box.x < b.x + b.width && b.x < a.box.x + a.box.width && a.box.y < b.y + b.height && b.y < a.box.y + a.box.height)
                .map((b) => `${a.name} × ${b.name}`),
            );
          }),
        );
        assert.deepEqual(overlaps, [], `${name} at ${width} px: a text drawn over another or over a dot`);
        await page.screenshot({ path: join(ARTIFACTS, `site-${name}-${width}.png`), fullPage: name !== 'overview' });
        if (name === 'overview') await page.screenshot({ path: join(ARTIFACTS, `site-${name}-${width}-full.png`), fullPage: true });
        assert.deepEqual(problems, [], `${name} at ${width} px`);
        await page.close();
      }
    }
  });

  it("the overview's rows are the results' figures: each row's ratio the median of its machines', their count and spread", async () => {
    const { page } = await open('index.html');
    const rows = await page.$$eval('section[id] tr[data-kind]:not(.published)', (trs) =>
      trs.map((tr) => ({ section: tr.closest('section')!.id, cells: [...tr.querySelectorAll('td')].map((td) => td.innerText.trim()) })),
    );
    assert.ok(rows.length > 10, `${rows.length} rows`);
    let machinesShown = 0;
    for (const { section, cells } of rows) {
      const [platform, sharing, chip, strategy, ratio, interval, , machines, spread] = cells;
      const matching = results.flatMap((r) =>
        r.cells
          .filter((c) => c.ratioToNative && c.strategy !== 'native' && strategyTitle(c.strategy) === strategy && slug(testOf(r, c).key) === section)
          .filter((c) => label(r, c.platform).label === platform && label(r, c.platform).fileSharing.mechanism === sharing && r.machine.cpuModel === chip)
          .map((c) => c.ratioToNative!),
      );
      assert.ok(matching.length > 0, `${section}: ${cells.join(' | ')}`);
      machinesShown += matching.length;
      assert.equal(ratio, ratioText(median(matching.map((m) => m.value))), `${section}: ${cells.join(' | ')}`);
      assert.equal(machines, String(matching.length));
      const values = matching.map((m) => m.value);
      assert.equal(spread, matching.length > 1 ? `${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)}x` : '—');
      const [one] = matching;
      if (matching.length === 1) assert.equal(interval, one.interval ? `${one.interval.low.toFixed(2)}–${one.interval.high.toFixed(2)} (${coverageText(one.interval.coverage, true)})` : '—');
    }
    // Every figure of every result lands in exactly one row.
    const figures = results.reduce((n, r) => n + r.cells.filter((c) => c.ratioToNative && c.strategy !== 'native' && Number.isFinite(c.ratioToNative.value)).length, 0);
    assert.equal(machinesShown, figures);
    assert.ok((await page.$$('tr.published')).length > 0, "the articles' rows");
    await page.close();
  });

  it("a result's page shows each cell's median, ratio with its interval and n", async () => {
    for (const r of recorded) {
      const { page, problems } = await open(`result/${r.id}.html`);
      const shown = await page.$$eval('tr[data-platform]', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.innerText.trim())));
      // A table per test, in the order the tests first appear, its cells in the result's order.
      const tests = [...new Set(r.cells.map((c) => testOf(r, c).key))];
      const ordered = tests.flatMap((key) => r.cells.filter((c) => testOf(r, c).key === key));
      assert.equal(shown.length, r.cells.length);
      for (const [i, cell] of ordered.entries()) {
        const s = cell.summary;
        const expected = [label(r, cell.platform).label, strategyTitle(cell.strategy), s ? figure(s.median) : '—', ratioWithInterval(cell), String(s?.n ?? 0)];
        assert.deepEqual([shown[i][0], shown[i][1], shown[i][2], shown[i][4], shown[i][6]], expected, `${r.id} cell ${i}`);
      }
      assert.deepEqual(problems, []);
      await page.close();
    }
  });

  it('compares results by URL: a row per result and platform, each ratio as its result has it', async () => {
    const { page, problems } = await open(COMPARED);
    await page.waitForSelector('#out table');
    for (const r of recorded.slice(0, 2)) {
      const rows = await page.$$eval(`tr[data-result="${r.id}"]`, (trs) =>
        trs.map((tr) => ({
          test: tr.closest('.scroll')!.previousElementSibling!.textContent!,
          headers: [...tr.closest('table')!.querySelectorAll('th')].map((th) => th.textContent!),
          cells: [...tr.querySelectorAll('td')].map((td) => td.textContent!),
        })),
      );
      assert.ok(rows.length > 0, r.id);
      for (const { test, headers, cells } of rows) {
        const platform = cells[2];
        for (const [i, header] of headers.entries()) {
          if (i < 3) continue;
          const cell = r.cells.find((c) => testOf(r, c).title === test && label(r, c.platform).label === platform && strategyTitle(c.strategy) === header && c.ratioToNative);
          assert.equal(cells[i], cell ? ratioWithInterval(cell) : '—', `${r.id} ${test} ${platform} ${header}`);
        }
      }
    }
    assert.equal(await page.inputValue('#ids'), `${recorded[0].id},${recorded[1].id}`);
    // Another list typed in: the address changes and the tables follow.
    await page.fill('#ids', recorded[2].id);
    await page.click('#pick button');
    await page.waitForFunction((id) => document.querySelector(`tr[data-result="${id}"]`) !== null && location.hash === `#${id}`, recorded[2].id);
    assert.equal(await page.$$eval(`tr[data-result="${recorded[0].id}"]`, (trs) => trs.length), 0);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('says which ids the site does not hold', async () => {
    const { page, problems } = await open(`compare.html#${recorded[0].id},ffffffffffffffff`);
    await page.waitForSelector('#out .alert');
    assert.equal((await texts(page, '#out .alert'))[0], 'Not in this site: ffffffffffffffff');
    assert.ok((await page.$$(`tr[data-result="${recorded[0].id}"]`)).length > 0);
    // The one problem: Chromium's own report of the missing file the page asked for.
    assert.deepEqual(problems.filter((p) => !/ERR_FILE_NOT_FOUND/.test(p)), []);
    await page.close();
  });

  it('filters by platform, file sharing, chip and date, kept in the URL', async () => {
    const { page, problems } = await open('index.html');
    const visible = () => page.$$eval('tr[data-kind]:not(.hidden)', (trs) => trs.map((tr) => ({ ...(tr as HTMLElement).dataset })));
    const all = await visible();
    const orbstack = all.filter((d) => d.kind === 'orbstack');
    assert.ok(orbstack.length > 0 && orbstack.length < all.length);
    await page.selectOption('select[name=kind]', 'orbstack');
    assert.deepEqual(await visible(), orbstack);
    assert.equal(await page.evaluate(() => location.hash), '#kind=orbstack');
    const chip = orbstack[0].chip!;
    await page.selectOption('select[name=chip]', chip);
    assert.deepEqual(await visible(), orbstack.filter((d) => d.chip === chip));
    await page.selectOption('select[name=kind]', '');
    await page.selectOption('select[name=chip]', '');
    const months = [...new Set(all.map((d) => d.last!))].sort();
    const since = months[Math.floor(months.length / 2)];
    await page.selectOption('select[name=since]', since);
    assert.deepEqual(await visible(), all.filter((d) => d.last! >= since));
    await page.close();
    // Opened from a link that holds a choice: applied on load.
    const linked = await open('index.html#sharing=9p');
    const shown = await linked.page.$$eval('tr[data-kind]:not(.hidden)', (trs) => trs.map((tr) => (tr as HTMLElement).dataset.sharing));
    assert.ok(shown.length > 0);
    assert.deepEqual([...new Set(shown)], ['9p']);
    assert.equal(await linked.page.inputValue('select[name=sharing]'), '9p');
    assert.deepEqual([...problems, ...linked.problems], []);
    await linked.page.close();
  });
});
