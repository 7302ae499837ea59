/// <reference lib="webworker" />
/**
 * Module worker that parses large feed bodies off the main thread (see parse-client.ts). It loads the same
 * parse module as the main thread, so the result is identical.
 */
import { decode } from './decode.js';
import type { ParseRequest, ParseResponse } from './parse-client.js';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.addEventListener('message', async (e: MessageEvent<ParseRequest>) => {
  const { id, input, charset, options } = e.data;
  let parseFeed: typeof import('./parse.js').parseFeed;
  try {
    ({ parseFeed } = await import('./parse.js'));
  } catch (err) {
    scope.postMessage({ id, unavailable: String(err) } satisfies ParseResponse);
    return;
  }
  let reply: ParseResponse;
  try {
    reply = { id, data: parseFeed(typeof input === 'string' ? input : decode(input, charset), options) };
  } catch (err) {
    const { code = 'parse', message = String(err), status } = err as { code?: string; message?: string; status?: number };
    reply = { id, error: { code: typeof code === 'string' ? code : 'parse', message, status } };
  }
  scope.postMessage(reply);
});
