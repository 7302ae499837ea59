/**
 * The feed parser (see parse-core.ts), CSV included: what the page, the feed tool and the tests use.
 */
import { adaptCsv } from './adapters/csv.js';
import { parseFeedWith } from './parse-core.js';
import type { FeedData, ParseOptions } from './types.js';

export { bodyJson, detectFormat, earlyPoints, mergePages } from './parse-core.js';

/**
 * Parses and normalizes a feed. `input` is the response body (JSON or CSV; a leading BOM is fine) or
 * already-parsed JSON. `options.format` forces a format instead of detecting it.
 */
export function parseFeed(input: string | unknown, options: ParseOptions = {}): FeedData {
  return parseFeedWith(input, options, adaptCsv);
}
