/**
 * What the parse worker (parse-worker.ts) uses of the parser, and nothing else: its bundle then leaves out what only
 * the page needs (mergePages, detectFormat), and loads the CSV reader (papaparse) only for a CSV body. Every
 * visitor of a large feed downloads it.
 */
export { bodyJson, earlyPoints, parseFeedWith } from './parse-core.js';

/** The CSV reader, loaded on first use. */
export const loadCsv = () => import('./adapters/csv.js').then((m) => m.adaptCsv);
