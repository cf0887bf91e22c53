// One paragraph per platform in plain words, built from its cells alone: how each strategy compares with native,
// what the hybrid wins back from the bind mount, whether hot reload sees files written on the host, what failed.
// It never claims more than the intervals allow. Where the run decided verdicts (the interval against 1 ± a margin),
// it says theirs: "no slower than native within ±10%", "undecided". Older runs are judged by the interval alone: one
// that holds 1 is "no slower than native within the noise", a ratio without one is only "roughly" so, and "roughly
// as fast" stretches to 10% either way.
import type { Ratio } from '../model/run-document.js';
import type { ResultsView, ViewCell, ViewPlatform } from '../results/view.js';
import { minSamplesForRatio } from '../stats/order-statistics.js';
import { REFERENCE_STRATEGY, STRATEGY_CATALOG, STRATEGY_ROLES, type StrategyName } from '../model/strategies.js';
import { isHotReloadMeasure } from '../workloads/catalog.js';
import { lacksSamplesForInterval, STRATEGY_ORDER, strategyTitle, testTitle } from './format.js';
import { verdictWords } from './ratio-verdict.js';

export interface Verdict {
  platform: ViewPlatform;
  text: string;
}

type Kind = 'slower' | 'faster' | 'within' | 'same' | 'near' | 'undecided';

/** A cell against native, in "times worse" whichever way its metric points (2: twice as slow, or half the MB/s). */
interface Judged {
  cell: ViewCell;
  test: string;
  kind: Kind;
  ratio: Ratio;
  badness: number;
  /** The interval of the badness, when the ratio has one. */
  bounds: [number, number] | null;
}

/** The kind a run's own verdict gives, when it decided one. */
function verdictKind(ratio: Ratio): Kind | null {
  const word = ratio.verdict?.word;
  return word === 'same' ? 'within' : word ?? null;
}

const NEAR = 1.1;

const SUBJECT: Partial<Record<StrategyName, string>> = {
  bind: 'a bind mount',
  hybrid: 'the hybrid (bind mount + volume)',
  container: "the container's own layer (no volumes)",
  volume: 'a named volume',
};
const subject = (s: StrategyName) => SUBJECT[s] ?? strategyTitle(s);
/** The problem first, then its fix, then the other places a project can live. */
const { sharedMount, hybridFix } = STRATEGY_ROLES;
const VERDICT_ORDER: StrategyName[] = [sharedMount, hybridFix, ...STRATEGY_ORDER.filter((s) => s !== sharedMount && s !== hybridFix)];

const isHotReload = (cell: ViewCell) => isHotReloadMeasure(cell.workload, cell.measure);

function judge(cell: ViewCell): Judged | null {
  const ratio = cell.ratioToNative;
  if (!ratio || cell.strategy === REFERENCE_STRATEGY || ratio.value <= 0 || isHotReload(cell)) return null;
  const lower = cell.metric.lowerIsBetter;
  const badness = lower ? ratio.value : 1 / ratio.value;
  const i = ratio.interval;
  const bounds: Judged['bounds'] = !i ? null : lower ? [i.low, i.high] : i.low > 0 ? [1 / i.high, 1 / i.low] : null;
  const kind: Kind = verdictKind(ratio) ?? (bounds
    ? bounds[0] > 1 ? 'slower' : bounds[1] < 1 ? 'faster' : 'same'
    : badness < NEAR && badness > 1 / NEAR ? 'near' : badness > 1 ? 'slower' : 'faster');
  return { cell, test: testTitle(cell), kind, ratio, badness, bounds };
}

/** A factor ("1.23", "2.1", "26") and its interval ("1.96–2.34", "22–31"), the interval rounded outwards so it never
 * looks narrower than it is. */
function factorText(j: Judged): { factor: string; interval: string | null } {
  const faster = j.kind === 'faster';
  const value = faster ? 1 / j.badness : j.badness;
  const d = value < 10 ? 2 : 0;
  const p = 10 ** d;
  const outwards = (low: number, high: number) => `${(Math.floor(low * p + 1e-9) / p).toFixed(d)}–${(Math.ceil(high * p - 1e-9) / p).toFixed(d)}`;
  const b = j.bounds;
  return { factor: value.toFixed(value < 2 ? 2 : value < 10 ? 1 : 0), interval: b && (faster ? outwards(1 / b[1], 1 / b[0]) : outwards(b[0], b[1])) };
}

/** The ratio's own interval, as the tables print it, for a ratio that is 1 within the noise. */
const ratioInterval = (r: Ratio) => `${r.interval!.low.toFixed(2)}–${r.interval!.high.toFixed(2)}`;

const HEADING: Record<Exclude<Kind, 'within'>, string> = {
  slower: 'slower than native',
  faster: 'faster than native',
  same: 'no slower than native within the noise',
  near: 'roughly as fast as native',
  undecided: 'undecided against native',
};

/** A kind's words; "within" carries the run's margin: "no slower than native within ±10%". */
function heading(j: Judged): string {
  return j.kind === 'within' ? verdictWords(j.cell)! : HEADING[j.kind];
}

/** "after 7 samples" for an undecided verdict. */
const undecidedAfter = (j: Judged) => `after ${j.ratio.verdict?.samples} samples`;

/** "about 2.1x slower than native (1.9–2.3)": one test, said in full. */
function fullPhrase(j: Judged): string {
  if (j.kind === 'same' || j.kind === 'within') return `${heading(j)} (${ratioInterval(j.ratio)})`;
  if (j.kind === 'undecided') return `${heading(j)} ${undecidedAfter(j)} (${ratioInterval(j.ratio)})`;
  if (j.kind === 'near') return `${HEADING.near} (${j.ratio.value.toFixed(2)}x)`;
  const { factor, interval } = factorText(j);
  return interval ? `about ${factor}x ${heading(j)} (${interval})` : `roughly ${factor}x ${heading(j)}`;
}

/** "files stat (roughly 26x)": one test of a list under its kind's heading. */
function item(j: Judged): string {
  if (j.kind === 'same' || j.kind === 'within') return `${j.test} (${ratioInterval(j.ratio)})`;
  if (j.kind === 'undecided') return `${j.test} (${ratioInterval(j.ratio)} ${undecidedAfter(j)})`;
  if (j.kind === 'near') return `${j.test} (${j.ratio.value.toFixed(2)}x)`;
  const { factor, interval } = factorText(j);
  return `${j.test} (${interval ? `about ${factor}x, ${interval}` : `roughly ${factor}x`})`;
}

function list(items: string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "slower than native in A (…) and B (…); roughly as fast as native in C (…)". */
function byKind(judged: Judged[]): string {
  const kinds: Kind[] = ['slower', 'within', 'same', 'near', 'faster', 'undecided'];
  return kinds
    .map((kind) => judged.filter((j) => j.kind === kind))
    .filter((group) => group.length > 0)
    .map((group) => `${heading(group[0])} in ${list(group.map(item))}`)
    .join('; ');
}

type Recovery = 'all' | 'most' | 'some' | 'none' | 'unclear';
const RECOVERY_TEXT: Record<Recovery, string> = { all: 'all of it', most: 'most of it', some: 'some of it', none: 'none of it', unclear: 'nothing clearly' };

/** How much of the bind mount's loss the hybrid wins back; only claimed when their intervals, where both have one, part. */
function recovery(bind: Judged, hybrid: Judged): Recovery {
  if (hybrid.kind === 'undecided') return 'unclear';
  if (hybrid.kind !== 'slower') return 'all';
  if (bind.bounds && hybrid.bounds && hybrid.bounds[1] >= bind.bounds[0]) return 'unclear';
  const won = (bind.badness - hybrid.badness) / (bind.badness - 1);
  return won >= 0.5 ? 'most' : won >= 0.1 ? 'some' : 'none';
}

/** "recovers", or "seems to recover" when a figure it rests on has no interval. */
const recovers = (judged: Judged[]) => (judged.every((j) => j.bounds) ? 'recovers' : 'seems to recover');

/** The sentences about each strategy against native: one test said in full, or many listed by kind. */
function strategySentences(judged: Judged[]): string[] {
  const tests = new Set(judged.map((j) => j.test));
  const of = (s: StrategyName) => judged.filter((j) => j.cell.strategy === s);
  const bindOf = (test: string) => of(sharedMount).find((b) => b.test === test && b.kind === 'slower');
  const strategies = VERDICT_ORDER.filter((s) => of(s).length > 0);
  if (tests.size === 1) {
    const clauses = strategies.map((s) => {
      const [j] = of(s);
      const bind = s === hybridFix ? bindOf(j.test) : undefined;
      if (!bind) return `${subject(s)} is ${fullPhrase(j)}`;
      return `${subject(s)} ${recovers([bind, j])} ${RECOVERY_TEXT[recovery(bind, j)]}: ${fullPhrase(j)}`;
    });
    return [`${[...tests][0]}: ${clauses.join('; ')}.`];
  }
  return strategies.map((s) => {
    if (s !== hybridFix) return `${capital(subject(s))} is ${byKind(of(s))}.`;
    const recovered = of(s).filter((j) => bindOf(j.test));
    const rest = of(s).filter((j) => !bindOf(j.test));
    const groups = (Object.keys(RECOVERY_TEXT) as Recovery[]).flatMap((r) => {
      const names = recovered.filter((j) => recovery(bindOf(j.test)!, j) === r).map((j) => j.test);
      return names.length ? [`${RECOVERY_TEXT[r]} in ${list(names)}`] : [];
    });
    const won = groups.length ? `${recovers([...recovered, ...recovered.map((j) => bindOf(j.test)!)])} ${groups.join('; ')}` : '';
    const elsewhere = rest.length ? `${won ? 'elsewhere it ' : ''}is ${byKind(rest)}` : '';
    return `${capital(subject(s))} ${[won, elsewhere].filter(Boolean).join('; ')}.`;
  });
}

/** Whether files written on the host reach a watcher in the container: per strategy through the file sharing. */
function hotReloadSentence(cells: ViewCell[]): string | null {
  const shared = cells.filter((c) => isHotReload(c) && c.summary && STRATEGY_CATALOG[c.strategy].throughFileSharing);
  if (shared.length === 0) return null;
  const names = (group: ViewCell[]) => list(group.map((c) => (c.strategy === hybridFix ? 'the hybrid' : subject(c.strategy))));
  shared.sort((a, b) => VERDICT_ORDER.indexOf(a.strategy) - VERDICT_ORDER.indexOf(b.strategy));
  const all = shared.filter((c) => c.summary!.min >= 100);
  const none = shared.filter((c) => c.summary!.max === 0);
  const some = shared.filter((c) => !all.includes(c) && !none.includes(c));
  return [
    all.length ? `Hot reload misses every event written on the host through ${names(all)} (watch missed 100%).` : '',
    none.length ? `Every event written on the host reached the watcher through ${names(none)} (watch missed 0%).` : '',
    ...some.map((c) => `Through ${names([c])}, the watcher missed ${+c.summary!.median.toFixed(1)}% of the events written on the host (median of watch missed).`),
  ]
    .filter(Boolean)
    .join(' ');
}

/** What the file sharing is, which explains the rest. */
function sharingSentence(platform: ViewPlatform): string | null {
  const sharing = platform.record.identity?.fileSharing;
  if (!sharing || sharing.mechanism === 'unknown') return null;
  const fstype = sharing.fstype ? ` (${sharing.fstype})` : '';
  return sharing.mechanism === 'none' ? `Bind mounts here are the local file system${fstype}.` : `Bind mounts here go through ${sharing.mechanism}${fstype}.`;
}

/** Fast is not free: a strategy about as fast as native (its time within 15% of native's) that burns at least half
 * as much CPU again on the whole host, and what the processes serving the bind mounts spent, where measured. */
function costSentence(cells: ViewCell[]): string | null {
  const measured = cells.filter((c) => c.summary?.cost?.hostCpuSeconds != null && c.measure === cells.find((x) => x.workload === c.workload)!.measure);
  const sentences: string[] = [];
  for (const cell of measured) {
    const native = measured.find((c) => c.workload === cell.workload && c.strategy === REFERENCE_STRATEGY);
    const ratio = cell.ratioToNative?.value;
    if (!native || cell === native || ratio === undefined || !cell.metric.lowerIsBetter) continue;
    const cpu = cell.summary!.cost!.hostCpuSeconds! / native.summary!.cost!.hostCpuSeconds!;
    if (ratio <= 1.15 && cpu >= 1.5) {
      sentences.push(`${capital(subject(cell.strategy))} costs more than its time shows in ${testTitle(cell)}: within 15% of native's time (${ratio.toFixed(2)}x), the host burns ${cpu.toFixed(1)}x native's CPU for it.`);
    }
  }
  const sharing = measured
    .filter((c) => STRATEGY_CATALOG[c.strategy].throughFileSharing && (c.summary!.cost!.sharingCpuSeconds ?? 0) >= 0.5)
    .map((c) => `${c.summary!.cost!.sharingCpuSeconds!.toFixed(1)} s for ${subject(c.strategy)} in ${testTitle(c)}`);
  if (sharing.length) sentences.push(`The processes serving the bind mounts spent ${list(sharing)} of CPU per sample, on top of the container's.`);
  return sentences.length ? sentences.join(' ') : null;
}

function failuresSentence(cells: ViewCell[]): string | null {
  const items = [...new Set(cells.filter((c) => c.status !== 'ok').map((c) => `${strategyTitle(c.strategy)} in ${c.workload} ${c.status}`))];
  return items.length ? `Not measured to the end: ${list(items)} (see Notes).` : null;
}

function roughSentence(judged: Judged[]): string | null {
  const rough = judged.filter((j) => !j.bounds);
  if (rough.length === 0) return null;
  if (!rough.every((j) => lacksSamplesForInterval(j.cell))) return '“Roughly”: these ratios have no interval (see Notes for why).';
  const counts = [...new Set(rough.flatMap((j) => (j.cell.summary ? [j.cell.summary.n] : [])))].sort((a, b) => a - b);
  const n = counts.length > 1 ? `${counts[0]}–${counts[counts.length - 1]}` : String(counts[0]);
  return `“Roughly”: too few samples for an interval (${n} per cell; a ratio needs ${minSamplesForRatio()} each).`;
}

function verdictOf(view: ResultsView, platform: ViewPlatform): string {
  const cells = view.cells.filter((c) => c.platformKey === platform.key);
  if (cells.length === 0) return `Not measured: ${platform.record.error ?? 'no cell ran here'}.`;
  const judged = cells.flatMap((c) => judge(c) ?? []);
  const hotReload = hotReloadSentence(cells);
  const sentences = [
    sharingSentence(platform),
    ...strategySentences(judged),
    hotReload,
    costSentence(cells),
    judged.length === 0 && !hotReload ? 'No strategy has a ratio to native here.' : null,
    failuresSentence(cells),
    roughSentence(judged),
  ];
  return sentences.filter((s) => s !== null).join(' ');
}

/** Per platform in view order, its paragraph. */
export function verdicts(view: ResultsView): Verdict[] {
  return view.platforms.map((platform) => ({ platform, text: verdictOf(view, platform) }));
}
