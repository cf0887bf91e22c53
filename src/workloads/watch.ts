// `watch`: files written next to a running inotify watcher (as webpack, Vite and nodemon use); how long each takes
// to be seen, and how many never are. Written from the host side when the project has one (native, bind, hybrid, a
// copy kept in step). Then the other way: files written in the sandbox, and how long each takes to be seen on the
// host side (what an editor sees of a build's output; the other direction of an engine that copies the project).
import { MILLISECONDS, PERCENT, printed, type Workload } from './workload.js';
import { generatedWorkload, script, type SizeOptions } from './generated.js';

export const WATCH_INTERVAL_MS = 100;
export const WATCH_GRACE_MS = 2000;
const NONE_SEEN = 'no event reached the watcher, so there is no latency to report';
const NONE_ON_HOST = 'no file written in the sandbox was seen on the host (or the project has no host side: container, volume), so there is no latency to report';
const NO_HOST_SIDE = 'the project has no host side (container, volume): nothing is carried to the host';

export function watchWorkload(sizes: SizeOptions): Workload {
  return {
    ...generatedWorkload(sizes, 'watch'),
    description: `${sizes.events} files written ${WATCH_INTERVAL_MS} ms apart next to an inotify watcher, and as many the other way`,
    steps: [
      {
        name: 'watch',
        watch: {
          direction: 'to-sandbox',
          dir: 'watched',
          events: sizes.events,
          intervalMs: WATCH_INTERVAL_MS,
          graceMs: WATCH_GRACE_MS,
          command: (mode) => script('watch.cjs', 'watched', sizes.events, WATCH_INTERVAL_MS, WATCH_GRACE_MS, mode),
        },
      },
      {
        name: 'to-host',
        watch: {
          direction: 'to-host',
          dir: 'emitted',
          events: sizes.events,
          intervalMs: WATCH_INTERVAL_MS,
          graceMs: WATCH_GRACE_MS,
          command: (mode) => script('watch.cjs', 'emitted', sizes.events, WATCH_INTERVAL_MS, WATCH_GRACE_MS, mode),
        },
      },
    ],
    measures: [
      { ...printed('watch', 'p50', 'p50', MILLISECONDS), mayBeMissing: NONE_SEEN },
      { ...printed('watch', 'p95', 'p95', MILLISECONDS), mayBeMissing: NONE_SEEN },
      printed('watch', 'missed', 'missed', PERCENT),
      { ...printed('to-host', 'to-host p50', 'p50', MILLISECONDS), mayBeMissing: NONE_ON_HOST },
      { ...printed('to-host', 'to-host p95', 'p95', MILLISECONDS), mayBeMissing: NONE_ON_HOST },
      { ...printed('to-host', 'to-host missed', 'missed', PERCENT), mayBeMissing: NO_HOST_SIDE },
    ],
    reset: 'rm -rf watched emitted && mkdir watched emitted',
  };
}
