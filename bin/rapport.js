#!/usr/bin/env node
// The installed entry point runs the compiled CLI (built by `npm run build`, also on install),
// so `rapport` starts fast without a TypeScript loader.
import { main } from '../dist/bundle/rapport.mjs';

process.exitCode = await main(process.argv);
