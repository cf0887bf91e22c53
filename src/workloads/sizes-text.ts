// The sizes of the generated workloads in words, as a reader wants them ("200 files of 1,024 bytes, a 4 MiB file,
// 5 events") rather than as the run document keys them ("files 200, fileBytes 1024, bigfileMb 4, events 5").
const count = (n: number) => n.toLocaleString('en');

/** The sizes given, in words; keys it does not know are said as they are. */
export function sizesText(sizes: Readonly<Record<string, number>>): string {
  const { files, fileBytes, bigfileMb, events, ...rest } = sizes;
  const parts: string[] = [];
  if (files !== undefined) parts.push(`${count(files)} files${fileBytes !== undefined ? ` of ${count(fileBytes)} bytes` : ''}`);
  else if (fileBytes !== undefined) parts.push(`files of ${count(fileBytes)} bytes`);
  if (bigfileMb !== undefined) parts.push(`a ${count(bigfileMb)} MiB file`);
  if (events !== undefined) parts.push(`${count(events)} events`);
  for (const [key, value] of Object.entries(rest)) parts.push(`${key} ${count(value)}`);
  return parts.join(', ');
}
