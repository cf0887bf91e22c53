// Read whatever was pasted into evidence: every JSON value in the text by its shape, and the rest by each text
// format's own signs. One file may mix them in any order (docker info, then docker version, then mount lines).
import { containerStatusJson, containerStatusText } from './apple-container.js';
import { colimaStatusJson, colimaStatusText } from './colima.js';
import { dockerContextJson } from './docker-context.js';
import { dockerInfoText } from './docker-info-text.js';
import { dockerVersionText } from './docker-version-text.js';
import { engineJson } from './engine-json.js';
import { emptyEvidence, merge, type Evidence, type Piece } from './evidence.js';
import { splitJson } from './json-values.js';
import { limaListJson } from './lima.js';
import { mountLines } from './mount-lines.js';
import { podmanInfoText, podmanMachineInspectJson, podmanMachineLsText } from './podman.js';

// The first that recognises a JSON value reads it: the VM tools' shapes are narrower than the engine's.
const JSON_FORMATS: ReadonlyArray<(json: unknown) => Piece[]> = [
  podmanMachineInspectJson,
  dockerContextJson,
  colimaStatusJson,
  limaListJson,
  containerStatusJson,
  engineJson,
];

const TEXT_FORMATS: ReadonlyArray<(text: string) => Piece[]> = [
  dockerInfoText,
  dockerVersionText,
  podmanInfoText,
  podmanMachineLsText,
  colimaStatusText,
  containerStatusText,
  mountLines,
];

/** The pieces of evidence in one text. */
export function readPieces(text: string): Piece[] {
  const { values, rest } = splitJson(text.replace(/^\uFEFF/, ''));
  const fromJson = values.flatMap((value) => {
    for (const format of JSON_FORMATS) {
      const pieces = format(value);
      if (pieces.length > 0) return pieces;
    }
    return [];
  });
  return [...fromJson, ...TEXT_FORMATS.flatMap((format) => format(rest))];
}

/** Evidence from texts (files, stdin), each named by its origin. */
export function readEvidence(texts: ReadonlyArray<{ origin: string; text: string }>, evidence: Evidence = emptyEvidence()): Evidence {
  for (const { origin, text } of texts) merge(evidence, origin, readPieces(text));
  return evidence;
}
