/** Whole-feed failures. Every one has a code a widget turns into a clear, localizable message. */
export type FeedErrorCode =
  | 'not-found' // HTTP 404 / 410
  | 'http' // any other non-2xx status
  | 'network' // offline, DNS, CORS, refused
  | 'timeout'
  | 'too-large'
  | 'html' // an HTML page came back instead of a feed
  | 'parse' // JSON/CSV that cannot be parsed
  | 'format' // parsed, but no known feed format
  | 'empty' // an empty body
  | 'aborted'
  | 'bad-url'; // the src attribute is not a usable URL

export class FeedError extends Error {
  override name = 'FeedError';
  constructor(
    public code: FeedErrorCode,
    message: string,
    public status?: number,
    public url?: string,
  ) {
    super(message);
  }
}

export function isFeedError(e: unknown): e is FeedError {
  return e instanceof Error && e.name === 'FeedError' && typeof (e as FeedError).code === 'string';
}
