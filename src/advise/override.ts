// The advised layout as a Compose override: each directory gets a named volume on its service (long syntax), and
// the volumes are declared at the top level. An existing override is edited through yaml's Document API, so its
// comments, order and quoting stay; the user's own compose file is never touched. Writing twice changes nothing.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, isMap, isSeq, parseDocument, type YAMLMap } from 'yaml';
import { NEW_OVERRIDE_FILE, type ComposeProject } from './compose-files.js';
import { pending, type BoundMount } from './layout.js';

const HEADER = ` Written by \`mountbench advise\`: a named volume over each directory the containers fill, so their many small
 files stay inside the engine instead of crossing the file sharing ("bind mount + volume"). Edit freely:
 running advise again only adds what is missing.`;

export interface OverridePlan {
  file: string;
  /** Whether the file exists before writing. */
  exists: boolean;
  /** The file's text with the advice in it (the existing text when nothing is missing). */
  text: string;
  /** Volumes added by this plan: nothing to write when empty. */
  added: Array<{ service: string; volume: string; target: string }>;
}

function valueAt(data: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), data);
}

/** The mapping at `path` in the file itself; where it is missing or an alias, a plain one that means the same. */
function ownMap(doc: Document, path: string[]): YAMLMap {
  const node = doc.getIn(path, true);
  if (isMap(node)) return node;
  const resolved = valueAt(doc.toJS(), path);
  const map = doc.createNode(resolved && typeof resolved === 'object' ? resolved : {}) as YAMLMap;
  doc.setIn(path, map);
  return map;
}

/** The file's indentation, so an edited file keeps its look: its smallest indent, and whether "- " items are indented. */
function styleOf(text: string): { indent: number; indentSeq: boolean } {
  const indents = [...text.matchAll(/^( +)\S/gm)].map((m) => m[1].length);
  const indent = indents.length > 0 ? Math.min(8, Math.max(2, Math.min(...indents))) : 2;
  return { indent, indentSeq: !/^( *)[^\s#-][^\n]*:[ \t]*(#[^\n]*)?\n\1- /m.test(text) };
}

/** The override file of `project` with a volume for every directory of `mounts` that is not in one yet. */
export function planOverride(project: ComposeProject, mounts: readonly BoundMount[]): OverridePlan {
  const file = project.override ?? join(project.dir, NEW_OVERRIDE_FILE);
  const exists = existsSync(file);
  const before = exists ? readFileSync(file, 'utf8') : '';
  const doc = exists ? parseDocument(before, { merge: true }) : new Document({});
  if (!exists) doc.commentBefore = HEADER;
  const added: OverridePlan['added'] = [];
  for (const { mount, dir } of pending(mounts)) {
    const path = ['services', mount.service];
    const service = ownMap(doc, path);
    const entry = doc.createNode({ type: 'volume', source: dir.volume, target: dir.target });
    const volumes = service.get('volumes', true);
    // The merged view already holds every entry of the override, so a directory still pending has none here.
    if (isSeq(volumes)) volumes.add(entry);
    else {
      // Volumes the service only inherits (a merge key, an alias) are written out, so that adding one keeps them.
      const inherited = valueAt(doc.toJS(), [...path, 'volumes']);
      service.set('volumes', doc.createNode([...(Array.isArray(inherited) ? inherited : []), entry.toJSON()]));
    }
    const declared = ownMap(doc, ['volumes']);
    if (!declared.has(dir.volume)) declared.set(dir.volume, doc.createNode({}));
    added.push({ service: mount.service, volume: dir.volume, target: dir.target });
  }
  const text = added.length === 0 ? before : doc.toString({ ...styleOf(before), lineWidth: 0, flowCollectionPadding: false });
  return { file, exists, text, added };
}
