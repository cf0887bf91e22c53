// `mountbench advise` as text: what it found, what it advises with what that is worth, and what it wrote.
import { basename, relative } from 'node:path';
import pc from 'picocolors';
import { Document } from 'yaml';
import { coverageText, ratioText } from '../report/format.js';
import { verdictWord, type Change } from '../stats/change.js';
import type { Advice } from './advice.js';
import type { InstallEffect, PublishedEffect, RunSource } from './evidence.js';
import { pending, type BoundMount } from './layout.js';
import { VERIFY_STRATEGIES, type Verification } from './verify.js';

/** Where bind mounts count as slow in the published figures: 1.5x native or worse. */
const SLOW_BIND = 1.5;
/** An advised layout taking more than this share of the current time gains too little to promise anything. */
const LITTLE_GAIN = 0.9;

const heading = (title: string, detail = '') => `\n${pc.bold(title)}${detail ? `  ${detail}` : ''}`;
const from = (s: RunSource) => pc.dim(`(${s.platform}: ${s.test}, run ${s.run})`);
const range = (values: number[]) => {
  const [low, high] = [Math.min(...values), Math.max(...values)];
  return low.toFixed(2) === high.toFixed(2) ? ratioText(low) : `${low.toFixed(2)}–${ratioText(high)}`;
};

function mountLines(mounts: readonly BoundMount[], project: string): string[] {
  const width = Math.max(0, ...mounts.flatMap((m) => m.dirs.map((d) => d.dir.length)));
  return mounts.flatMap((m) => [
    `  ${pc.bold(m.service)}  ${m.bind.text}${m.bind.file ? pc.dim(`  (${m.bind.file})`) : ''}`,
    ...(m.dirs.length === 0 ? [pc.dim(`    no dependency or build directory found in ${relative(project, m.bind.source!) || basename(project)}`)] : []),
    ...m.dirs.map((d) =>
      d.coveredBy
        ? `    ${d.dir.padEnd(width)}  ${pc.dim(`already mounted: ${d.coveredBy}`)}`
        : `    ${d.dir.padEnd(width)}  → volume ${pc.cyan(d.volume)} at ${d.target}  ${pc.dim(`(${d.ecosystem}: ${d.because})`)}`,
    ),
  ]);
}

function effectLines(history: InstallEffect | null, published: readonly PublishedEffect[]): string[] {
  if (history) {
    return [
      `  this machine: bind mount ${ratioText(history.bindToNative)} native, bind mount + volume ${ratioText(history.hybridToNative)} ${from(history)}`,
      `  → the advised layout should take about ${pc.bold(ratioText(history.hybridToBind))} of the current layout's time`,
      ...(history.hybridToBind > LITTLE_GAIN ? [pc.dim(`  bind mounts are not slow on ${history.platform}: the advice gains little here, and matters where they are`)] : []),
    ];
  }
  const slow = published.filter((p) => p.bindToNative >= SLOW_BIND);
  const other = published.filter((p) => p.bindToNative < SLOW_BIND);
  const group = (ps: readonly PublishedEffect[], where: string) =>
    ps.length === 0 ? [] : [`    ${where} (${ps.length} platforms, bind ${range(ps.map((p) => p.bindToNative))} native): the advised layout took ${pc.bold(range(ps.map((p) => p.hybridToBind)))} of its time`];
  return [
    `  no run on this platform in this machine's history measured both layouts (mountbench run --fixture medium does);`,
    `  published ${pc.dim(`(${[...new Set(published.map((p) => p.source))].join(', ')}: npm install of create-react-app, ratios of published means)`)}:`,
    ...group(slow, `where a bind mount was slow`),
    ...group(other, `where it was not`),
  ];
}

function overrideLines(advice: Advice, written: boolean, write: boolean): string[] {
  const compose = advice.compose!;
  const { override } = compose;
  const name = relative(advice.project, override.file);
  const user = relative(advice.project, compose.files[0]);
  if (override.added.length === 0) return [`  ${name}: nothing to add${override.exists ? ', it has every advised volume' : ''}`];
  const services: Record<string, { volumes: object[] }> = {};
  for (const a of override.added) (services[a.service] ??= { volumes: [] }).volumes.push({ type: 'volume', source: a.volume, target: a.target });
  const snippet = new Document({ services, volumes: Object.fromEntries(override.added.map((a) => [a.volume, {}])) }).toString({ lineWidth: 0 });
  const node = pending(compose.layout.mounts).find(({ dir }) => dir.ecosystem === 'node');
  return [
    `  ${override.exists ? `adds to ${name} (its comments and order kept)` : `a new ${name}`}; ${user} itself is not changed:`,
    ...snippet.trimEnd().split('\n').map((l) => `    ${l}`),
    written ? `  ${pc.green('wrote')} ${override.file}` : write ? '' : pc.dim(`  not written: run again with --write`),
    pc.dim(`  check it: docker compose config. A new volume starts empty (or with the image's files there): install inside the`),
    pc.dim(`  container once${node ? ` (docker compose run --rm ${node.mount.service} npm ci)` : ''}; the host no longer sees these directories' contents.`),
  ].filter(Boolean);
}

function devcontainerLines(advice: Advice): string[] {
  const dc = advice.devcontainer!;
  const lines = mountLines(dc.mounts, advice.project);
  if (dc.composeFile) lines.push(`  add to "dockerComposeFile": ${JSON.stringify(dc.composeFile)}  ${pc.dim('(a devcontainer names its compose files; it looks for no override)')}`);
  if (dc.entries.length > 0) {
    lines.push(`  add to "mounts":`, ...dc.entries.map((e) => `    ${JSON.stringify(e)}`));
    lines.push(pc.dim(`  printed, not written: devcontainer.json is yours, like the compose file; paste them in and rebuild the container.`));
    if (dc.user) lines.push(pc.dim(`  It runs as ${dc.user}: a new volume belongs to root; e.g. "postCreateCommand": "sudo chown ${dc.user} ${pending(dc.mounts).map(({ dir }) => dir.target).join(' ')}"`));
  }
  return lines;
}

function watchLines(advice: Advice): string[] {
  const { misses, switches } = advice.watch;
  if (!misses) return [pc.dim(`  not measured on ${advice.platform ?? 'this platform'}: mountbench run --workload watch tells whether file events reach containers`)];
  if (switches.length === 0) return [`  file events reach containers through the bind mount (${misses.missed.toFixed(0)}% missed) ${from(misses)}: no polling needed`];
  return [
    `  ${pc.bold(`${misses.missed.toFixed(0)}%`)} of the files written on the host never reached a watcher through the bind mount ${from(misses)}:`,
    `  hot reload needs polling (it costs CPU; printed, not written — set it where the watcher runs):`,
    ...switches.map((s) => `    ${s.tool}: ${s.how}`),
  ];
}

function sourceLines(advice: Advice): string[] {
  const work = advice.sourceWork;
  if (!work) return [pc.dim(`  not measured on ${advice.platform ?? 'this platform'}: mountbench run --workload git,traverse tells`)];
  const ratios = work.evidence.ratios.map((r) => `${r.test} ${ratioText(r.ratio)}`).join(', ');
  if (!work.slow) return [`  through the bind mount: ${ratios} native ${from(work.evidence)}: nothing to do`];
  return [
    `  slow through the bind mount: ${ratios} native ${from(work.evidence)}; volumes over the dependencies do not help there. Options:`,
    `    - ${work.sync}`,
    `    - a platform setting: ${work.setting}`,
  ];
}

export function renderAdvice(advice: Advice, options: { write: boolean; written: boolean }): string {
  const out = [`${pc.bold('mountbench advise')}  ${advice.project}`];
  if (advice.compose) {
    const { layout, files } = advice.compose;
    out.push(heading('Compose', files.map((f) => relative(advice.project, f)).join(' + ')));
    out.push(...(layout.mounts.length > 0 ? mountLines(layout.mounts, advice.project) : ['  no service bind-mounts the project']));
    if (layout.others.length > 0) out.push(pc.dim(`  not bind-mounting the project: ${layout.others.join(', ')}`));
  }
  if (advice.devcontainer) out.push(heading('Devcontainer', relative(advice.project, advice.devcontainer.file)), ...devcontainerLines(advice));
  out.push(heading('Expected effect', pc.dim('(installs: bind mount → bind mount + volume)')), ...effectLines(advice.effect.history, advice.effect.published));
  if (advice.compose) out.push(heading('Compose override'), ...overrideLines(advice, options.written, options.write));
  out.push(heading('Hot reload'), ...watchLines(advice));
  out.push(heading('Work on the sources', pc.dim('(git, walking the tree, builds reading it)')), ...sourceLines(advice));
  return `${out.join('\n')}\n`;
}

function changeText(change: Change | null, what: string): string {
  if (!change) return `${what}: not measured`;
  const i = change.interval;
  const detail = i ? ` (${i.low.toFixed(2)}–${i.high.toFixed(2)}, ${coverageText(i.coverage, true)}), ${verdictWord(change, 'time')}` : pc.dim(`, ${change.note}`);
  return `${what}: ${pc.bold(ratioText(change.ratio))}${detail}`;
}

export function renderVerification(v: Verification, dirs: { deps: string[]; left: string[] }): string {
  const medians = VERIFY_STRATEGIES.map((s) => `${s} ${v.cells[s]?.summary ? `${v.cells[s]!.summary!.median.toFixed(2)} s` : '—'}`);
  return [
    heading('Verified', pc.dim(`(${v.runDir})`)),
    `  medians: ${medians.join(', ')}`,
    `  ${changeText(v.gain, `advised (volumes over ${dirs.deps.join(', ')}) against current`)}`,
    `  ${changeText(v.toVolume, 'advised against everything in a volume')}`,
    ...(dirs.left.length > 0 ? [pc.dim(`  not in the measurement (mountbench run --project takes top-level directories): ${dirs.left.join(', ')}`)] : []),
  ].join('\n') + '\n';
}
