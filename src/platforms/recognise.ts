// Which kind of platform the evidence is: every kind gives its clues, the surest wins, the catalog's order breaks
// ties. Pure: the same evidence, live or pasted, gets the same answer.
import type { Evidence } from './evidence/evidence.js';
import { PLATFORM_KINDS, type KindId } from './kinds/catalog.js';
import { CERTAINTIES, type Certainty, type Clue } from './kinds/kind.js';

export interface Recognition {
  kind: KindId;
  /** How sure the surest clue of the chosen kind makes us; null when no kind had one. */
  certainty: Certainty | null;
  /** The chosen kind's clues, surest first. */
  clues: Clue[];
  /** The other kinds that had clues, and how sure their surest was. */
  others: Array<{ kind: string; certainty: Certainty }>;
}

const rank = (c: Certainty) => CERTAINTIES.length - CERTAINTIES.indexOf(c);

export function recognise(evidence: Evidence): Recognition {
  const candidates = PLATFORM_KINDS.map((kind) => {
    const clues = kind.recognise(evidence).sort((a, b) => rank(b.certainty) - rank(a.certainty));
    return { kind: kind.id, clues, best: clues[0] ? rank(clues[0].certainty) : 0 };
  }).filter((c) => c.best > 0);
  // Stable: between equal ranks the catalog's order stays.
  const [chosen, ...rest] = [...candidates].sort((a, b) => b.best - a.best);
  if (!chosen) return { kind: 'unknown', certainty: null, clues: [], others: [] };
  return {
    kind: chosen.kind,
    certainty: chosen.clues[0].certainty,
    clues: chosen.clues,
    others: rest.map((c) => ({ kind: c.kind, certainty: c.clues[0].certainty })),
  };
}
