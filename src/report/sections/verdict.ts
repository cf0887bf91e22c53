// The verdict per platform in plain words, first on the page (results.md leads with the seed's tables instead).
import { heading, paragraph, type SectionSource } from '../section.js';
import { verdicts } from '../verdict.js';

export const verdictSection: SectionSource = {
  id: 'verdict',
  build: (view) => [
    {
      id: 'verdict',
      title: 'Verdict',
      only: 'html',
      className: 'verdict',
      blocks: verdicts(view).flatMap((v) => [heading(v.platform.title), paragraph(v.text)]),
    },
  ],
};
