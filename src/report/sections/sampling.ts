// Under --runs auto, which rule ended the sampling of each platform's workload (the page says so under Method).
import { stoppingLines } from '../format.js';
import { list, type SectionSource } from '../section.js';

export const samplingSection: SectionSource = {
  id: 'sampling',
  build: (view) => {
    const lines = stoppingLines(view);
    return lines.length ? [{ id: 'sampling', title: 'Sampling', only: 'markdown', blocks: [list(lines)] }] : [];
  },
};
