#!/usr/bin/env node
// Entry point for `npx stowage …`: runs the TypeScript CLI through tsx, so the CLI uses the
// very same shared/ code as the app without a separate build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
