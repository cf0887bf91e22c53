// devcontainer.json is JSONC; advise finds the workspace's bind mount (or the compose files it runs) and prints the
// mounts that put the dependency directories in volumes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { adviseProject } from '../../src/advise/advice.js';
import { findDevcontainer, parseDevcontainerMount } from '../../src/advise/devcontainer.js';
import { JsoncError, parseJsonc } from '../../src/advise/jsonc.js';
import { projectOf } from '../helpers/project-files.js';

const NONE = { platform: null, history: [], published: [] };

describe('advise: JSONC', () => {
  it('allows comments and trailing commas, and leaves them alone inside strings', () => {
    const text = '{\n  // line\n  "a": "x // y, ]", /* block\n */ "b": [1, 2, /* c */ ],\n  "c": { "d": "\\"q\\"", },\n}\n';
    assert.deepEqual(parseJsonc(text, 'f'), { a: 'x // y, ]', b: [1, 2], c: { d: '"q"' } });
  });
  it('says where a mistake is', () => {
    assert.throws(() => parseJsonc('{\n  // c\n  "a": 1\n  "b": 2\n}', 'devcontainer.json'), (e: Error) => e instanceof JsoncError && e.message.startsWith('devcontainer.json:4:3: '));
  });
});

describe('advise: devcontainer', () => {
  it('an image-based devcontainer (with comments) bind-mounts the workspace at /workspaces/<folder>', async () => {
    const dir = projectOf({
      'package.json': '{}',
      '.devcontainer/devcontainer.json': '{\n  // Node\n  "image": "node:22",\n  "remoteUser": "node",\n  "mounts": [\n    "source=cache,target=/home/node/.cache,type=volume", /* npm */\n  ],\n}\n',
    });
    const advice = await adviseProject(dir, NONE);
    assert.equal(advice.compose, null);
    assert.deepEqual(advice.devcontainer?.entries, ['source=${localWorkspaceFolderBasename}-node_modules,target=/workspaces/app/node_modules,type=volume']);
    assert.equal(advice.devcontainer?.user, 'node');
    assert.equal(advice.devcontainer?.composeFile, null);
  });

  it('a workspaceMount and mounts of its own: directories already in a volume are left alone', () => {
    const dir = projectOf({
      '.devcontainer.json': JSON.stringify({
        image: 'node',
        workspaceMount: 'source=${localWorkspaceFolder},target=/code,type=bind,consistency=cached',
        workspaceFolder: '/code',
        mounts: [{ source: 'deps', target: '/code/node_modules', type: 'volume' }],
      }),
    });
    const dc = findDevcontainer(dir)!;
    assert.deepEqual(dc.workspace && [dc.workspace.type, dc.workspace.source, dc.workspace.target], ['bind', dir, '/code']);
    assert.deepEqual(dc.mounts.map((m) => [m.type, m.source, m.target]), [['volume', 'deps', '/code/node_modules']]);
    assert.deepEqual(parseDevcontainerMount('type=volume,src=x,dst=/y', dir), { type: 'volume', source: 'x', target: '/y', text: 'type=volume,src=x,dst=/y' });
  });

  it('a workspace in a volume has no bind mount to advise on', () => {
    const dir = projectOf({ '.devcontainer/devcontainer.json': '{"image":"node","workspaceMount":"source=ws,target=/ws,type=volume","workspaceFolder":"/ws"}' });
    assert.equal(findDevcontainer(dir)?.workspace, null);
  });

  it('a Compose-based devcontainer gets the override added to its dockerComposeFile list', async () => {
    const dir = projectOf({
      'package.json': '{}',
      'compose.yaml': 'services:\n  dev:\n    volumes: [".:/workspace:cached"]\n',
      '.devcontainer/devcontainer.json': '{ "dockerComposeFile": ["../compose.yaml"], "service": "dev", "workspaceFolder": "/workspace", }',
    });
    const advice = await adviseProject(dir, NONE);
    assert.equal(advice.devcontainer?.composeFile, '../compose.override.yaml');
    assert.deepEqual(advice.devcontainer?.entries, []);
    assert.deepEqual(advice.compose?.override.added.map((a) => a.target), ['/workspace/node_modules']);
  });
});
