import { expect } from '@open-wc/testing';
import { safeUrl, withSource } from '../../shared/links.js';

const FEED = 'https://coalition.example.org/feeds/events.json';

describe('links: the allowlist', () => {
  it('allows https and mailto', () => {
    expect(safeUrl('https://www.mobilize.us/x/event/1/')).to.equal('https://www.mobilize.us/x/event/1/');
    expect(safeUrl('  HTTPS://Example.org/a?b=1#c ')).to.equal('https://example.org/a?b=1#c');
    expect(safeUrl('mailto:press@example.org')).to.equal('mailto:press@example.org');
    expect(safeUrl('MailTo:press@example.org?subject=Hi')).to.equal('mailto:press@example.org?subject=Hi');
  });

  it('everyday https links come back exactly as the URL parser would write them', () => {
    for (const url of [
      'https://www.mobilize.us/riverside/event/123456/',
      'https://events.example.org/e/1?utm_source=x&a=b;c#rsvp',
      'https://example.org/path/with%20space/and:colon@at',
      'https://example.org:8443/x',
      'https://Example.org/Upper',
      'https://example.org/a/../b',
      'https://example.org',
    ]) {
      expect(safeUrl(url), url).to.equal(new URL(url).href);
    }
  });

  it('refuses script and data schemes however they are written', () => {
    const bad = [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      'javascript\u0000:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'blob:https://example.org/uuid',
      'ftp://example.org/file',
    ];
    for (const url of bad) {
      expect(safeUrl(url), url).to.equal(undefined);
      expect(safeUrl(url, FEED), url).to.equal(undefined);
    }
  });

  it('refuses plain http, credentials, whitespace and invisible characters', () => {
    for (const url of [
      'http://example.org/rsvp',
      'https://user:pass@example.org/',
      'https://exa mple.org/',
      'https://example.org/\u200b',
      'https://example.org/\u202e',
      'https://',
      'https:',
      '',
      'x'.repeat(3000),
    ]) {
      expect(safeUrl(url), url).to.equal(undefined);
    }
    expect(safeUrl(42)).to.equal(undefined);
    expect(safeUrl(null)).to.equal(undefined);
    expect(safeUrl({ href: 'https://example.org' })).to.equal(undefined);
  });

  it('relative links resolve against the feed, on the feed\'s own origin only', () => {
    expect(safeUrl('/logos/a.svg', FEED)).to.equal('https://coalition.example.org/logos/a.svg');
    expect(safeUrl('a.svg', FEED)).to.equal('https://coalition.example.org/feeds/a.svg');
    expect(safeUrl('../events/1', FEED)).to.equal('https://coalition.example.org/events/1');
    expect(safeUrl('/rsvp', 'http://localhost:8000/feed.json')).to.equal('http://localhost:8000/rsvp');
    // Plain http only to the (http) feed's own origin: a local preview linking to its own next page.
    expect(safeUrl('http://localhost:8000/page2', 'http://localhost:8000/feed.json')).to.equal('http://localhost:8000/page2');
    expect(safeUrl('http://localhost:9000/page2', 'http://localhost:8000/feed.json')).to.equal(undefined);
    expect(safeUrl('http://coalition.example.org/x', FEED)).to.equal(undefined);
    expect(safeUrl('//evil.example/x', FEED)).to.equal(undefined);
    expect(safeUrl('\\\\evil.example/x', FEED)).to.equal(undefined);
    expect(safeUrl('/\\evil.example/x', FEED)).to.equal(undefined);
    expect(safeUrl('java%73cript:alert(1)', FEED)).to.equal('https://coalition.example.org/feeds/java%73cript:alert(1)');
    expect(safeUrl('/logos/a.svg')).to.equal(undefined);
    expect(safeUrl('/logos/a.svg', 'data:text/plain,feed')).to.equal(undefined);
  });
});

describe('links: attribution', () => {
  it('adds source= and keeps the query and hash', () => {
    expect(withSource('https://www.mobilize.us/x/event/1/', 'riverside-tu')).to.equal(
      'https://www.mobilize.us/x/event/1/?source=riverside-tu',
    );
    expect(withSource('https://example.org/e?utm_medium=web#rsvp', 'ssa uw')).to.equal(
      'https://example.org/e?utm_medium=web&source=ssa+uw#rsvp',
    );
    expect(withSource('https://example.org/e?source=old', 'new')).to.equal('https://example.org/e?source=new');
  });

  it('leaves mailto links, broken URLs and empty sources alone', () => {
    expect(withSource('mailto:a@example.org', 'x')).to.equal('mailto:a@example.org');
    expect(withSource('not a url', 'x')).to.equal('not a url');
    expect(withSource('https://example.org/e', '  ')).to.equal('https://example.org/e');
    expect(withSource('https://example.org/e', undefined)).to.equal('https://example.org/e');
  });
});
