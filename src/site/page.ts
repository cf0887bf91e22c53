// The frame every page of the site shares: report.html's style sheet with the site's few additions, a header
// with the site's links, relative to the page's depth so the site opens from disk as well as from GitHub Pages.
import { escapeHtml as esc } from '../report/html-charts.js';
import { CSS } from '../report/html-style.js';

export { esc };

const SITE_CSS = `
header.site { display: flex; flex-wrap: wrap; gap: 0.3rem 1rem; align-items: baseline; border-bottom: 1px solid var(--rule); padding-bottom: 0.4rem; }
header.site strong { font-size: 1.05rem; }
form.filters { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; margin: 0.8rem 0; font-size: 0.9rem; }
form.filters label { display: flex; flex-direction: column; gap: 0.1rem; }
form.filters select, form.filters input { font: inherit; max-width: 11rem; }
.v-slower { color: var(--cut); font-weight: 600; }
.v-faster { color: #0a7d45; font-weight: 600; }
@media (prefers-color-scheme: dark) { .v-faster { color: #7ad3a5; } }
tr.hidden { display: none; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 0.8rem; font-size: 0.9rem; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
`;

export interface PageOptions {
  title: string;
  /** "" at the top, "../" one folder down. */
  root: string;
  body: string;
  script?: string;
}

export function page({ title, root, body, script }: PageOptions): string {
  const links = [
    ['index.html', 'Overview'],
    ['compare.html', 'Compare'],
    ['data/overview.csv', 'CSV'],
    ['data/overview.json', 'JSON'],
  ];
  return [
    '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    `<style>${CSS}${SITE_CSS}</style>`,
    '</head>\n<body>\n<main>',
    `<header class="site"><strong>mountbench results</strong>${links.map(([href, text]) => `<a href="${root}${href}">${text}</a>`).join(' ')}</header>`,
    body,
    '</main>',
    script ? `<script>${script}</script>` : '',
    '</body>\n</html>\n',
  ]
    .filter(Boolean)
    .join('\n');
}

/** A file name for a platform's page: "docker-desktop-4-37-1". */
export const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'platform';
