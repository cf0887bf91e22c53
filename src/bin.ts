#!/usr/bin/env node
import pc from 'picocolors';
import { main } from './cli.js';
import { EXIT } from './errors.js';

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    process.stderr.write(`${pc.red(`mountbench: unexpected error: ${error.stack ?? error.message}`)}\nPlease report this.\n`);
    process.exitCode = EXIT.internal;
  },
);
