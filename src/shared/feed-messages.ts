/**
 * What a person reads while a feed loads, and when a feed failed and the detailed notices (feed-notices.ts, loaded
 * only when needed) could not be loaded either. Every string goes through @lit/localize's msg().
 */
import { msg } from '@lit/localize';

export function loadingMessage(): string {
  return msg('Loading events…', { id: 'feed.loading' });
}

export function retryLabel(): string {
  return msg('Retry', { id: 'feed.retry' });
}

/** A failure without details: offline, or something else went wrong. */
export function unavailableMessage(): string {
  return navigator.onLine === false
    ? msg('You seem to be offline. Connect to the internet and try again.', { id: 'feed.error.offline' })
    : msg('The events could not be loaded.', { id: 'feed.error.other' });
}
