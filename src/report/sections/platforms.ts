// What was measured on: each platform as identified (engine, VM, how bind mounts are shared, image), then the hosts.
import type { ViewPlatform } from '../../results/view.js';
import { fileSharingText, mibText } from '../format.js';
import { list, type SectionSource } from '../section.js';
import type { Text } from '../text.js';

function platformLine(platform: ViewPlatform): Text {
  const { record: p, title } = platform;
  const id = p.identity;
  if (!id) return [{ strong: p.name }, `: ${p.error ?? 'not identified'}`];
  const image = `${p.image?.ref ?? 'none'}${p.image?.note ? ` (${p.image.note})` : ''}`;
  const facts =
    `${id.kind}, engine ${id.engine.version}, ${id.engine.os}, kernel ${id.engine.kernel}, ${id.engine.cpus} CPUs, ${mibText(id.engine.memoryBytes)}; ` +
    `bind mounts: ${fileSharingText(platform)}; image ${image}${p.error ? `; error: ${p.error}` : ''}`;
  return [{ strong: title }, ' (', { code: p.name }, `, ${id.endpoint}): ${facts}`];
}

export const platformsSection: SectionSource = {
  id: 'platforms',
  build: (view) => {
    const hosts = view.runs.map(({ id, host: h }): Text => {
      const which = view.runs.length > 1 ? ` (run ${id})` : '';
      return [{ strong: 'Host' }, `${which}: ${h.os} ${h.osVersion} (${h.arch}), ${h.cpuModel}, ${h.cpus} CPUs, ${mibText(h.memoryBytes)}, node ${h.node}, npm ${h.npm ?? 'not installed'}`];
    });
    return [{ id: 'platforms', title: 'Platforms', blocks: [list([...view.platforms.map(platformLine), ...hosts])] }];
  },
};
