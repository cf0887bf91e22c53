// The runs themselves: command line, dates, version, wall time and overhead, how samples ran. results.md lists them;
// the page gives each run its command as a shell reads it back, and points at the documents it embeds.
import type { RunDocument } from '../../model/run-document.js';
import { durationText, overheadRatio, ratioText, samplesSentence } from '../format.js';
import { heading, list, muted, type Block, type SectionSource } from '../section.js';

/** An argument as a shell reads it back: quoted when it holds anything but plain characters. */
const shellWord = (arg: string) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);

function runBlocks(doc: RunDocument): Block[] {
  const overhead = overheadRatio(doc);
  const times = `wall time ${durationText(doc.timing.wallSeconds)}; timed samples ${durationText(doc.timing.sampledSeconds)}; cache priming ${durationText(doc.timing.primingSeconds)}${overhead ? `; overhead ${ratioText(overhead)}` : ''}`;
  const how = `${doc.settings.order}, ${doc.settings.online ? 'online (with the registry)' : 'offline from a primed cache'}`;
  return [
    list([[{ code: doc.command.join(' ') }], `${doc.startedAt} — ${doc.finishedAt ?? 'unfinished'}, mountbench ${doc.tool.version}, run ${doc.id}`, times, `samples ran ${how}`], 'markdown'),
    heading(`Run ${doc.id}`, 'html'),
    { kind: 'code', text: doc.command.map(shellWord).join(' '), only: 'html' },
    list([`${doc.startedAt} — ${doc.finishedAt ?? 'unfinished'}, mountbench ${doc.tool.version}, ${doc.status}`, `${samplesSentence(doc)} Samples ran ${how}.`, `${times[0].toUpperCase()}${times.slice(1)}.`], 'html'),
  ];
}

export const runSection: SectionSource = {
  id: 'run',
  build: (view) => {
    const data = view.runs.length > 1 ? 'a list of the run documents' : 'the run document (run.json)';
    return [
      {
        id: 'run',
        title: view.runs.length > 1 ? 'Runs' : 'Run',
        blocks: [...view.runs.flatMap(runBlocks), muted([`This page holds ${data} as JSON, for re-use: the script element #mountbench-data.`], 'html')],
      },
    ];
  },
};
