// Which directories a project's tools fill, by ecosystem, told by the files the project has: the directories that
// hammer a bind mount with small files (installs, builds, caches) and gain most from a named volume of their own.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

interface Ecosystem {
  name: string;
  /** Any of these files at the top of the directory says the project uses it. */
  markers: string[];
  /** Directories its tools fill, relative to the project. */
  dirs: string[];
  /** Caches, taken when they exist, or when the tool that writes them is a dependency (package.json). */
  caches?: Array<{ dir: string; tool?: string }>;
}

const ECOSYSTEMS: Ecosystem[] = [
  {
    name: 'node',
    markers: ['package.json'],
    dirs: ['node_modules'],
    caches: [{ dir: '.next', tool: 'next' }, { dir: '.nuxt', tool: 'nuxt' }, { dir: '.svelte-kit', tool: '@sveltejs/kit' }, { dir: '.parcel-cache', tool: 'parcel' }, { dir: '.cache' }],
  },
  { name: 'php', markers: ['composer.json'], dirs: ['vendor'] },
  { name: 'python', markers: ['pyproject.toml', 'requirements.txt', 'Pipfile'], dirs: ['.venv'] },
  { name: 'rust', markers: ['Cargo.toml'], dirs: ['target'] },
  { name: 'maven', markers: ['pom.xml'], dirs: ['target'] },
  { name: 'gradle', markers: ['build.gradle', 'build.gradle.kts', 'settings.gradle', 'settings.gradle.kts'], dirs: ['.gradle', 'build'] },
  { name: 'ruby', markers: ['Gemfile'], dirs: ['vendor/bundle'] },
];

export interface DependencyDir {
  /** Relative to the directory it was found in, POSIX-style: node_modules, vendor/bundle. */
  dir: string;
  ecosystem: string;
  /** Why: "package.json", "next in package.json", ".cache exists". */
  because: string;
}

/** Names of a package.json's dependencies of every kind; none when it is missing or unreadable. */
export function dependencyNames(dir: string): Set<string> {
  try {
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
    const groups = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'].map((k) => manifest[k]);
    return new Set(groups.flatMap((g) => (g && typeof g === 'object' ? Object.keys(g) : [])));
  } catch {
    return new Set();
  }
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

/** The dependency and build directories of the project in `dir` (a host directory), each once, in table order. */
export function dependencyDirs(dir: string): DependencyDir[] {
  const found = new Map<string, DependencyDir>();
  for (const ecosystem of ECOSYSTEMS) {
    const marker = ecosystem.markers.find((m) => existsSync(join(dir, m)));
    if (!marker) continue;
    const add = (d: string, because: string) => found.has(d) || found.set(d, { dir: d, ecosystem: ecosystem.name, because });
    for (const d of ecosystem.dirs) add(d, marker);
    const tools = ecosystem.caches?.some((c) => c.tool) ? dependencyNames(dir) : new Set<string>();
    for (const cache of ecosystem.caches ?? []) {
      if (isDirectory(join(dir, cache.dir))) add(cache.dir, `${cache.dir} exists`);
      else if (cache.tool && tools.has(cache.tool)) add(cache.dir, `${cache.tool} in ${marker}`);
    }
  }
  return [...found.values()];
}
