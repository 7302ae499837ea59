#!/usr/bin/env node
// turnout-feed: check and convert event feeds for Turnout widgets (see docs/feed-tool.md).
import { run } from '../dist/cli/main.js';

process.exitCode = await run(process.argv.slice(2));
