#!/usr/bin/env node
import pc from 'picocolors';
import { main } from './cli.js';
import { EXIT } from './errors.js';

// A reader that stops early (`mountbench report RUN | head -1`) is no failure: what is left unprinted is dropped and
// the command ends as it would have, with its own exit code (a run still saves its samples and removes what it made).
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    process.stderr.write(`${pc.red(`mountbench: unexpected error: ${error.stack ?? error.message}`)}\nPlease report this.\n`);
    process.exitCode = EXIT.internal;
  },
);
