// The report's sections, in order. A new section is a file of its own here and a line in this list; a strategy's
// section comes in from outside (RenderOptions.sections), placed after the section it names.
import { EXIT, MountbenchError } from '../../errors.js';
import type { ResultsView } from '../../results/view.js';
import type { ContributedSection, Section, SectionSource } from '../section.js';
import { changeSection } from './change.js';
import { comparisonSection } from './comparison.js';
import { costSection } from './cost.js';
import { loadSection } from './load.js';
import { methodSection } from './method.js';
import { notesSection } from './notes.js';
import { overviewSection } from './overview.js';
import { platformsSection } from './platforms.js';
import { runSection } from './run.js';
import { samplingSection } from './sampling.js';
import { testsSection } from './tests.js';
import { verdictSection } from './verdict.js';

export const SECTIONS: readonly SectionSource[] = [
  verdictSection,
  comparisonSection,
  changeSection,
  overviewSection,
  testsSection,
  costSection,
  platformsSection,
  notesSection,
  loadSection,
  samplingSection,
  methodSection,
  runSection,
];

/** The list with each contributed section right after its anchor (in the order given, for one anchor). */
export function withContributed(sources: readonly SectionSource[], contributed: readonly ContributedSection[]): SectionSource[] {
  const list = [...sources];
  for (const section of contributed) {
    const at = list.findIndex((s) => s.id === section.after);
    if (at < 0) {
      throw new MountbenchError(`the report section "${section.id}" is placed after "${section.after}", which no section is: a bug in mountbench, please report it`, EXIT.internal);
    }
    let end = at + 1;
    while (end < list.length && contributed.some((c) => c === list[end] && c.after === section.after)) end++;
    list.splice(end, 0, section);
  }
  return list;
}

/** Every section of a view, built once: what each format renders. */
export function sectionsOf(view: ResultsView, contributed: readonly ContributedSection[] = [], sources = SECTIONS): Section[] {
  return withContributed(sources, contributed).flatMap((source) => source.build(view));
}
