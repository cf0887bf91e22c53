// `share --submit OWNER/REPO`: a pull request adding the result to a results repository, opened with GitHub's own
// CLI where it is installed and signed in: a fork (unless the repository is the user's), a branch holding the one
// file at its place in the layout, and the pull request with the Markdown summary as its body. Through gh's API
// calls, so no clone and no git are needed. Without gh, the steps to take are printed instead.
import { spawnSync } from 'node:child_process';
import { UsageError, CannotRunError } from '../errors.js';
import { RESULTS_DIR, resultPath } from './layout.js';
import { markdownSummary } from './summary.js';
import type { SharedResult } from './schema.js';

export interface SubmitOutcome {
  /** The pull request's address when one was opened. */
  url: string | null;
  /** What to tell the user: the pull request, or the steps to take. */
  lines: string[];
}

const REPO = /^([\w.-]+)\/([\w.-]+)$/;

function gh(args: string[], input?: string): { ok: boolean; out: string; err: string; missing: boolean } {
  const run = spawnSync('gh', args, { encoding: 'utf8', input, env: { ...process.env, GH_PROMPT_DISABLED: '1', NO_COLOR: '1' } });
  const missing = (run.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
  return { ok: run.status === 0, out: (run.stdout ?? '').trim(), err: (run.stderr ?? '').trim(), missing };
}

function must(args: string[], what: string, input?: string): string {
  const run = gh(args, input);
  if (!run.ok) throw new CannotRunError(`gh could not ${what}: ${run.err || `gh ${args.join(' ')} failed`}`);
  return run.out;
}

/** What to do by hand: sign gh in and submit again, or add the file on GitHub's web page. */
function byHand(repo: string, file: string, shareCommand: string, why: string, result: SharedResult): string[] {
  const folder = `${RESULTS_DIR}/${resultPath(result).replace(/\/[^/]+$/, '')}`;
  return [
    `${why}; to open the pull request, run these two commands:`,
    '  gh auth login',
    `  ${shareCommand}`,
    `or add ${file} on the web at https://github.com/${repo}/upload/HEAD/${folder} (GitHub opens the pull request from a fork).`,
  ];
}

export function submitResult(result: SharedResult, repo: string, file: string, shareCommand: string): SubmitOutcome {
  const match = REPO.exec(repo);
  if (!match) throw new UsageError(`--submit ${repo}: name the results repository as OWNER/REPO (e.g. mountbench/results)`);
  const [, owner, name] = match;
  const status = gh(['auth', 'status']);
  if (status.missing) return { url: null, lines: byHand(repo, file, shareCommand, 'gh (GitHub CLI, https://cli.github.com) is not installed', result) };
  if (!status.ok) return { url: null, lines: byHand(repo, file, shareCommand, 'gh is not signed in to GitHub', result) };

  const login = must(['api', 'user', '--jq', '.login'], 'tell who is signed in');
  const base = must(['api', `repos/${repo}`, '--jq', '.default_branch'], `read ${repo}`);
  const sha = must(['api', `repos/${repo}/git/ref/heads/${base}`, '--jq', '.object.sha'], `read ${repo}'s ${base} branch`);
  const own = login.toLowerCase() === owner.toLowerCase();
  // A fork shares its parent's objects, so the parent's commit can start the fork's branch.
  if (!own) must(['repo', 'fork', repo, '--clone=false', '--remote=false'], `fork ${repo}`);
  const target = own ? repo : `${login}/${name}`;
  const branch = `result-${result.id}`;
  const path = `${RESULTS_DIR}/${resultPath(result)}`;
  must(['api', '-X', 'POST', `repos/${target}/git/refs`, '-f', `ref=refs/heads/${branch}`, '-f', `sha=${sha}`], `create the branch ${branch} in ${target}`);
  const content = Buffer.from(`${JSON.stringify(result, null, 2)}\n`).toString('base64');
  // The body on stdin: a result's base64 can outgrow what one argument may hold.
  const body = JSON.stringify({ message: `Add result ${result.id}`, branch, content });
  must(['api', '-X', 'PUT', `repos/${target}/contents/${path}`, '--input', '-'], `add ${path} to ${target}`, body);
  const title = `Add result ${result.id}: ${result.platforms.map((p) => p.label).join(', ')} on ${result.machine.cpuModel}`;
  const url = must(['pr', 'create', '--repo', repo, '--base', base, '--head', own ? branch : `${login}:${branch}`, '--title', title, '--body-file', '-'], 'open the pull request', markdownSummary(result));
  return { url, lines: [`opened ${url}`] };
}
