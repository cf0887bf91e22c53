// `bigfile`: sequential write (with fsync) and read of one large file, as MB/s (1 MB = 10^6 bytes) and as seconds.
// The read is cold (caches dropped first), so it reads the storage behind the mount, not memory.
import { MB_PER_SECOND, printed, type Workload } from './workload.js';
import { generatedWorkload, script, type SizeOptions } from './generated.js';

export function bigfileWorkload(sizes: SizeOptions): Workload {
  return {
    ...generatedWorkload(sizes, 'bigfile'),
    description: `write (fsync) and read one ${sizes.bigfileMb} MiB file`,
    steps: [
      { name: 'write', command: () => script('bigfile.cjs', 'write', 'big.bin', sizes.bigfileMb) },
      { name: 'read', cold: true, command: () => script('bigfile.cjs', 'read', 'big.bin', sizes.bigfileMb) },
    ],
    measures: [
      printed('write', 'write', 'mbPerSecond', MB_PER_SECOND),
      printed('read', 'read', 'mbPerSecond', MB_PER_SECOND),
      printed('write', 'write time', 'seconds'),
      printed('read', 'read time', 'seconds'),
    ],
    reset: 'rm -f big.bin',
  };
}
