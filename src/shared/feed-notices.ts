/**
 * The feed notices needed only sometimes, loaded on demand by TurnoutFeedElement: whole-feed errors a person
 * understands, "as of" for stale data, records that could not be shown (with the reasons, for the feed's editor)
 * and unread Mobilize pages. Every string goes through @lit/localize's msg(); numbers, times and plurals through
 * Intl.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { FeedError } from '../feed/errors.js';
import type { FeedData, SkippedRecord } from '../feed/types.js';
import { unavailableMessage } from './feed-messages.js';
import { dateFormat, numberFormat } from './locale.js';

/** Skipped records listed in the details; a feed with thousands of bad rows needs fixing at the source anyway. */
const MAX_LISTED = 100;

/** "N pages read" and "N entries could not be shown", with the reasons in a <details>. */
export function renderDataNotices(data: FeedData, skipped: SkippedRecord[], locale?: string): TemplateResult {
  return html`${data.truncated && data.pages
    ? html`<p class="feed-skipped" part="feed-truncated">${truncatedMessage(data.pages)}</p>`
    : nothing}
  ${skipped.length
    ? html`<div class="feed-skipped" part="feed-skipped">
        <p>${skippedMessage(skipped.length, locale)}</p>
        <details>
          <summary>${skippedDetailsLabel()}</summary>
          <ul>
            ${skipped.slice(0, MAX_LISTED).map((r) => html`<li>${skippedRecordLine(r, data.format)}</li>`)}
          </ul>
          ${skipped.length > MAX_LISTED ? html`<p>${moreSkippedMessage(skipped.length - MAX_LISTED, locale)}</p>` : nothing}
        </details>
      </div>`
    : nothing}`;
}

/** A message for a whole-feed failure: what happened and, where there is one, what to do. */
export function feedErrorMessage(error: Pick<FeedError, 'code' | 'status'>): string {
  const status = error.status ?? 0;
  switch (error.code) {
    case 'not-found':
      return msg(str`This feed could not be found (${status || 404}). Check the address in the widget's src.`, {
        id: 'feed.error.not-found',
      });
    case 'http':
      return msg(str`The feed's server answered with an error (${status}). Try again later.`, { id: 'feed.error.http' });
    case 'network':
      return typeof navigator !== 'undefined' && navigator.onLine === false
        ? unavailableMessage()
        : msg(
            "The feed's server could not be reached, or it does not allow this site to read the feed. Try again later.",
            { id: 'feed.error.network' },
          );
    case 'timeout':
      return msg('The events took too long to arrive. Try again later.', { id: 'feed.error.timeout' });
    case 'too-large':
      return msg("The feed is larger than this widget accepts. Ask the feed's editor for a smaller feed.", {
        id: 'feed.error.too-large',
      });
    case 'html':
      return msg("The address in the widget's src leads to a web page, not to a feed of events.", {
        id: 'feed.error.html',
      });
    case 'parse':
      return msg('The feed could not be read: it is not valid JSON or CSV.', { id: 'feed.error.parse' });
    case 'format':
      return msg('The feed was read, but it is not in a format this widget knows.', { id: 'feed.error.format' });
    case 'empty':
      return msg('The feed is empty.', { id: 'feed.error.empty' });
    case 'aborted':
      return msg('Loading was cancelled.', { id: 'feed.error.aborted' });
    case 'bad-url':
      return msg("The widget's src is not a web address starting with https:// or http://.", {
        id: 'feed.error.bad-url',
      });
    default:
      return unavailableMessage();
  }
}

/** "Showing events as of 3:05 PM; the latest update failed." (the date is added when it is not today). */
export function staleMessage(updatedAt: number, locale?: string): string {
  const sameDay = new Date(updatedAt).toDateString() === new Date().toDateString();
  const time = dateFormat(locale, sameDay ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' }).format(
    updatedAt,
  );
  return msg(str`Showing events as of ${time}; the latest update failed.`, { id: 'feed.stale' });
}

/** "1 entry could not be shown" / "12 entries could not be shown". */
export function skippedMessage(count: number, locale?: string): string {
  const n = numberFormat(locale).format(count);
  return new Intl.PluralRules(locale).select(count) === 'one'
    ? msg(str`${n} entry could not be shown`, { id: 'feed.skipped.one' })
    : msg(str`${n} entries could not be shown`, { id: 'feed.skipped.other' });
}

/** A Mobilize feed with more pages than the widget reads. */
export function truncatedMessage(pages: number): string {
  return msg(str`Only the first ${pages} pages of this feed were read; some events may be missing.`, {
    id: 'feed.truncated',
  });
}

/** After the first reasons listed: "…and 1,234 more." */
export function moreSkippedMessage(count: number, locale?: string): string {
  const n = numberFormat(locale).format(count);
  return msg(str`…and ${n} more.`, { id: 'feed.skipped.more' });
}

/** Summary of the details list of skipped records, for the feed's editor. */
export function skippedDetailsLabel(): string {
  return msg('Why? (for the feed’s editor)', { id: 'feed.skipped.details' });
}

/**
 * One skipped record, e.g. "Row 13 (Vigil at City Hall): the start date is missing". CSV records are named by
 * their spreadsheet row (the header is row 1); others by their position in the feed, counting from 1.
 */
export function skippedRecordLine(
  record: { kind: string; index: number; label?: string; reason: string; page?: number },
  format?: string,
): string {
  const { label, reason, page } = record;
  const n = record.index + 1;
  const inPage =
    record.kind === 'partner'
      ? msg(str`Partner ${n}`, { id: 'feed.skipped.partner' })
      : record.kind === 'campaign-day'
        ? msg(str`Campaign day ${n}`, { id: 'feed.skipped.campaign-day' })
        : format === 'csv'
          ? msg(str`Row ${n}`, { id: 'feed.skipped.row' })
          : msg(str`Entry ${n}`, { id: 'feed.skipped.event' });
  const where = page ? msg(str`Page ${page}, ${inPage}`, { id: 'feed.skipped.page' }) : inPage;
  return label
    ? msg(str`${where} (${label}): ${reason}`, { id: 'feed.skipped.line-label' })
    : msg(str`${where}: ${reason}`, { id: 'feed.skipped.line' });
}
