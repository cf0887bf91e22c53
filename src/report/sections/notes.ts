// Everything to know before trusting the figures: runs not finished, cells not measured, intervals missing, outliers.
import { reportNotes } from '../format.js';
import { list, type SectionSource } from '../section.js';

export const notesSection: SectionSource = {
  id: 'notes',
  build: (view) => {
    const notes = reportNotes(view);
    return [{ id: 'notes', title: 'Notes', blocks: notes.length ? [list(notes)] : [], empty: 'Nothing to note: every cell was measured to its end.' }];
  },
};
