/**
 * What the parse worker (parse-worker.ts) uses of parse.ts, and nothing else: its bundle then leaves out what only
 * the page needs (mergePages, detectFormat). Every visitor of a large feed downloads it.
 */
export { bodyJson, earlyPoints, parseFeed } from './parse.js';
