// `mountbench identify --help`: what it reads and what it answers, with examples to copy.
import { ACCEPTED } from '../commands/identify.js';

export const IDENTIFY_HELP = `
Reads ${ACCEPTED}.
Give one file or several, in any order, or pipe them in. It answers with the platform's kind, product and
version, engine, VM and hypervisor where the evidence says, how bind mounts are shared, and for each answer the
evidence it rests on and how sure it makes it: certain (the engine names its product), likely (a fact only that
product sets), hint (the endpoint's own name or path), fallback (only how the engine runs). It is the recognition
\`mountbench platforms\` and \`doctor\` apply to a live engine, on whatever you paste.

Examples:
  docker info > info.txt; docker version > version.txt; mountbench identify info.txt version.txt
  { docker context inspect; docker info; docker run --rm -v "$PWD:/src" alpine cat /proc/self/mountinfo; } | mountbench identify
  colima status --json | mountbench identify --json | jq .vm

Exit status: 0 when a platform was recognised, 2 when nothing recognisable was given, 64 on a usage error.
`;
