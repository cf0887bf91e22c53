// The generated workloads' sizes in words, as results.md and the site's pages say them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sizesText } from '../../src/workloads/sizes-text.js';

describe('sizes in words', () => {
  it('say files with their size, the big file in MiB and the events, with thousands separated', () => {
    assert.equal(sizesText({ files: 5000, fileBytes: 1024, bigfileMb: 256, events: 20 }), '5,000 files of 1,024 bytes, a 256 MiB file, 20 events');
  });
  it('say only the sizes given, and keys they do not know as they are', () => {
    assert.equal(sizesText({ bigfileMb: 4 }), 'a 4 MiB file');
    assert.equal(sizesText({ fileBytes: 10, depth: 3 }), 'files of 10 bytes, depth 3');
    assert.equal(sizesText({}), '');
  });
});
