// `watch`: files written next to a running inotify watcher (as webpack, Vite and nodemon use); how long each takes
// to be seen, and how many never are. Written from the host side when the project has one (native, bind, hybrid).
import { MILLISECONDS, PERCENT, printed, type Workload } from './workload.js';
import { generatedWorkload, script, type SizeOptions } from './generated.js';

export const WATCH_INTERVAL_MS = 100;
export const WATCH_GRACE_MS = 2000;
const NONE_SEEN = 'no event reached the watcher, so there is no latency to report';

export function watchWorkload(sizes: SizeOptions): Workload {
  return {
    ...generatedWorkload(sizes, 'watch'),
    description: `${sizes.events} files written ${WATCH_INTERVAL_MS} ms apart next to an inotify watcher`,
    steps: [
      {
        name: 'watch',
        watch: {
          dir: 'watched',
          events: sizes.events,
          intervalMs: WATCH_INTERVAL_MS,
          graceMs: WATCH_GRACE_MS,
          command: (mode) => script('watch.cjs', 'watched', sizes.events, WATCH_INTERVAL_MS, WATCH_GRACE_MS, mode),
        },
      },
    ],
    measures: [
      { ...printed('watch', 'p50', 'p50', MILLISECONDS), mayBeMissing: NONE_SEEN },
      { ...printed('watch', 'p95', 'p95', MILLISECONDS), mayBeMissing: NONE_SEEN },
      printed('watch', 'missed', 'missed', PERCENT),
    ],
    reset: 'rm -rf watched && mkdir watched',
  };
}
