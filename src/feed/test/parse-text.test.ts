import { expect } from '@open-wc/testing';
import { clip, htmlToText, lineText } from '../text.js';
import { detectFormat, parseFeed } from '../parse.js';

describe('text: HTML in feeds becomes plain text', () => {
  it('keeps plain text as it is', () => {
    const text = 'Bring signs.\nWe march at 2.';
    expect(htmlToText(text)).to.equal(text);
    expect(lineText('Vigil at City Hall')).to.equal('Vigil at City Hall');
  });

  it('turns block tags into line breaks and drops the rest', () => {
    expect(htmlToText('<p>One</p><p>Two<br>Three</p><ol><li>a</li><li>b</li></ol><div>End</div>')).to.equal(
      'One\n\nTwo\nThree\n\na\nb\n\nEnd',
    );
    expect(htmlToText('<style>p{color:red}</style><!-- note --><p>Shown</p><script>alert(1)</script>')).to.equal('Shown');
    expect(htmlToText('<a href="https://x.example" title="a > b">link</a> text')).to.equal('link text');
    expect(htmlToText('3 < 5 and 5 > 3')).to.equal('3 < 5 and 5 > 3');
  });

  it('decodes named and numeric entities once (no double decoding)', () => {
    expect(htmlToText('Caf&eacute; &amp; &#x1F4E2; &#8220;hi&#8221; &lt;b&gt;')).to.equal('Café & 📢 “hi” <b>');
    expect(htmlToText('&amp;lt;')).to.equal('&lt;');
    expect(htmlToText('&#0; &#xD800; &#99999999999999999999;')).to.equal('\ufffd \ufffd \ufffd');
    expect(htmlToText('&unknown; AT&T')).to.equal('&unknown; AT&T');
  });

  it('tidies whitespace and control characters', () => {
    expect(htmlToText('  a\r\n\r\n\r\n\r\nb\u00a0\u00a0c\u0007 \t d  ')).to.equal('a\n\nb c d');
    expect(lineText(' Rally\n  at\tnoon ')).to.equal('Rally at noon');
  });

  it('caps length without splitting a character', () => {
    expect(clip('abcdef', 4)).to.equal('abc…');
    expect(clip('ab😀cd', 4)).to.equal('ab…');
    expect(lineText('x'.repeat(400)).length).to.equal(300);
  });

  it('hostile markup is bounded: unclosed tags and scripts by the thousand still give text', () => {
    expect(htmlToText('<script>'.repeat(200_000))).to.equal('');
    expect(lineText('<a title="'.repeat(100_000) + 'Vigil')).to.have.length(300); // no ">": not a tag, kept as text
    expect(htmlToText('<a '.repeat(100_000)).startsWith('<a <a')).to.equal(true);
  });

  it('numbers are text; objects and lists are not', () => {
    expect(lineText(2026)).to.equal('2026');
    expect(lineText({ name: 'x' })).to.equal('');
    expect(htmlToText(['a'])).to.equal('');
  });
});

describe('detectFormat and forced formats', () => {
  it('detects each format from content', () => {
    expect(detectFormat({ turnout: '1.0', events: [] })).to.equal('turnout');
    expect(detectFormat({ events: [] })).to.equal('turnout');
    expect(detectFormat({ count: 0, next: null, previous: null, data: [] })).to.equal('mobilize');
    expect(detectFormat({ '@context': 'https://schema.org', '@type': 'Event' })).to.equal('jsonld');
    expect(detectFormat([{ '@type': 'Organization', name: 'x' }])).to.equal('jsonld');
    expect(detectFormat('title,date\nx,1/31/2026')).to.equal('csv');
    expect(detectFormat('\ufeff{"turnout":"1.0"}')).to.equal('turnout');
    expect(detectFormat('<html></html>')).to.equal(null);
    expect(detectFormat('{broken')).to.equal(null);
    expect(detectFormat({ hello: 1 })).to.equal(null);
  });

  it('a forced format wins over detection', () => {
    const list = [{ id: 1, title: 'x', timeslots: [{ id: 1, start_date: 1769907600 }] }];
    expect(parseFeed(list, { format: 'mobilize' }).events.map((e) => e.id)).to.deep.equal(['1']);
    const feed = parseFeed([{ id: 'a', title: 'x', start: '2026-01-31T10:00:00Z' }], { format: 'turnout' });
    expect(feed.events.map((e) => e.id)).to.deep.equal(['a']);
    expect(() => parseFeed('{"turnout":"1.0"}', { format: 'csv' })).to.throw(/neither JSON nor a CSV/);
  });
});
