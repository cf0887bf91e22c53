// A report section as data, built once per view: its id, title, an intro and blocks (tables, lists, paragraphs,
// sub-headings, figures). Markdown and HTML render the same sections, each giving only its syntax (as hyperfine's
// src/export/markup.rs builds its table once). A block or section says so when one format alone shows it.
import type { ResultsView } from '../results/view.js';
import type { TestGroup } from './format.js';
import type { Text } from './text.js';

export type Format = 'markdown' | 'html';

/** How a column's cells are set: numbers right-aligned, wrapped free text, or plain text on one line. */
export type ColumnKind = 'text' | 'wrapped' | 'numeric';

export interface Column {
  head: string;
  kind: ColumnKind;
}

/** A cell, with the strategy's colour beside it where the row is a strategy's. */
export type TableCell = Text | { text: Text; swatch: string };

/** worst: the worst strategy of its platform; cut: a cell not measured to its end; published: the articles' figures. */
export type RowMark = 'worst' | 'cut' | 'published';

export interface Row {
  cells: readonly TableCell[];
  marks?: readonly RowMark[];
  /** Which run and cell the row shows, for a script reading the page. */
  data?: Readonly<Record<string, string>>;
}

/** Rows under the cells that head them all (a platform's OS and title); `head` is empty in a plain table. */
export interface RowGroup {
  head: readonly Text[];
  rows: readonly Row[];
}

interface Only {
  /** Shown in this format alone. */
  only?: Format;
}

export type Block = Only &
  (
    | { kind: 'table'; columns: readonly Column[]; groups: readonly RowGroup[] }
    | { kind: 'list'; items: readonly Text[] }
    | { kind: 'paragraph'; lines: readonly Text[]; muted?: boolean }
    | { kind: 'heading'; text: Text }
    | { kind: 'code'; text: string }
    /** Every measured sample of a test, drawn as a dot plot where the format can draw. */
    | { kind: 'figure'; dotPlot: TestGroup; caption: string }
  );

export interface Section extends Only {
  id: string;
  title: string;
  /** Its entry in a navigation bar, when shorter than its title. */
  nav?: string;
  intro?: Text;
  blocks: readonly Block[];
  /** What a format that keeps every section in place says when there is nothing in it. */
  empty?: string;
  /** The HTML element's class, for the page's style sheet. */
  className?: string;
}

/** One entry of the ordered list: the sections it gives for a view (none when the view has nothing for it). */
export interface SectionSource {
  /** Its place in the list, named: a contributed section is placed after one. */
  id: string;
  build(view: ResultsView): Section[];
}

/** A section from outside report/ (a strategy's): placed right after the section source `after`. */
export interface ContributedSection extends SectionSource {
  after: string;
}

/** What every renderer of the section list takes besides the view. */
export interface RenderOptions {
  sections?: readonly ContributedSection[];
}

export const table = (columns: readonly Column[], rows: readonly Row[]): Block => ({ kind: 'table', columns, groups: [{ head: [], rows }] });
export const groupedTable = (columns: readonly Column[], groups: readonly RowGroup[]): Block => ({ kind: 'table', columns, groups });
export const list = (items: readonly Text[], only?: Format): Block => ({ kind: 'list', items, only });
export const paragraph = (text: Text, only?: Format): Block => ({ kind: 'paragraph', lines: [text], only });
export const muted = (lines: readonly Text[], only?: Format): Block => ({ kind: 'paragraph', lines, muted: true, only });
export const heading = (text: Text, only?: Format): Block => ({ kind: 'heading', text, only });

/** Columns from their heads, each with its kind: `columns(['Test', 'text'], ['Median', 'numeric'])`. */
export const columns = (...specs: Array<[string, ColumnKind]>): Column[] => specs.map(([head, kind]) => ({ head, kind }));

/** A row of cells, nothing marked. */
export const row = (cells: readonly TableCell[]): Row => ({ cells });

/** Whether a format shows a section or block. */
export const shownIn = (format: Format, item: Only) => item.only === undefined || item.only === format;
