import { describe, expect, it } from 'vitest';
import { Http1ReplyParser, MAX_HEAD_BYTES, type ReplyEvent } from '../../../src/net/http1-reply-parser';

interface Read {
  status: number | null;
  fields: Record<string, string>;
  body: string;
  ended: boolean;
  notHttp: string | null;
  /** What `finish()` said when the connection ended: null for an incomplete reply. */
  finished: 'complete' | 'incomplete' | 'not-ended';
}

/** Feeds `reply` in the given pieces (then, if `close`, ends the connection) and collects what came out. */
function read(pieces: readonly (string | Buffer)[], options: { method?: string; close?: boolean } = {}): Read {
  const parser = new Http1ReplyParser(options.method ?? 'POST');
  const events: ReplyEvent[] = [];
  for (const piece of pieces) events.push(...parser.push(typeof piece === 'string' ? Buffer.from(piece, 'latin1') : piece));
  let finished: Read['finished'] = 'not-ended';
  if (options.close) {
    const last = parser.finish();
    finished = last === null ? 'incomplete' : 'complete';
    events.push(...(last ?? []));
  }
  const result: Read = { status: null, fields: {}, body: '', ended: false, notHttp: null, finished };
  for (const event of events) {
    if (event.kind === 'head') {
      result.status = event.head.status;
      result.fields = Object.fromEntries(event.head.fields);
    } else if (event.kind === 'body') {
      result.body += Buffer.from(event.bytes).toString('latin1');
    } else if (event.kind === 'end') {
      result.ended = true;
    } else {
      result.notHttp = event.error.message;
    }
  }
  return result;
}

/** The same reply whole and one byte at a time: a server may split it anywhere. */
function readBothWays(reply: string, options: { method?: string; close?: boolean } = {}): Read {
  const whole = read([reply], options);
  const byteByByte = read([...Buffer.from(reply, 'latin1')].map((byte) => Buffer.from([byte])), options);
  expect(byteByByte).toEqual(whole);
  return whole;
}

describe('Http1ReplyParser: framing', () => {
  it('reads a body of the length Content-Length gives, and nothing after it', () => {
    const reply = readBothWays('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{"ok":true}EXTRA');
    expect(reply).toMatchObject({ status: 200, body: '{"ok":true}', ended: true, notHttp: null });
    expect(reply.fields).toEqual({ 'content-type': 'application/json', 'content-length': '11' });
  });

  it('reads a chunked body, with chunk extensions and trailer fields', () => {
    const reply = readBothWays('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;name=value\r\nhello\r\n7\r\n, world\r\n0\r\nX-Trailer: yes\r\n\r\n');
    expect(reply).toMatchObject({ status: 200, body: 'hello, world', ended: true, notHttp: null });
  });

  it('lets Transfer-Encoding win over a Content-Length sent with it', () => {
    expect(readBothWays('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n')).toMatchObject({ body: 'abc', ended: true });
  });

  it('reads a body without a length until the connection closes', () => {
    const open = readBothWays('HTTP/1.0 200 OK\r\n\r\n<html>');
    expect(open).toMatchObject({ status: 200, body: '<html>', ended: false });
    expect(readBothWays('HTTP/1.0 200 OK\r\n\r\n<html>', { close: true })).toMatchObject({ body: '<html>', ended: true, finished: 'complete' });
  });

  it('expects no body after HEAD, 204 or 304, whatever the length says', () => {
    expect(readBothWays('HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\n', { method: 'HEAD' })).toMatchObject({ status: 200, body: '', ended: true });
    expect(readBothWays('HTTP/1.1 204 No Content\r\n\r\n')).toMatchObject({ status: 204, ended: true });
    expect(readBothWays('HTTP/1.1 304 Not Modified\r\nContent-Length: 9\r\n\r\n')).toMatchObject({ status: 304, body: '', ended: true });
  });

  it('ends at once on a zero Content-Length', () => {
    expect(readBothWays('HTTP/1.1 302 Found\r\nLocation: https://example.test/\r\nContent-Length: 0\r\n\r\n')).toMatchObject({ status: 302, ended: true, fields: { location: 'https://example.test/' } });
  });

  it('passes over interim replies to the final one', () => {
    expect(readBothWays('HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok')).toMatchObject({
      status: 200, body: 'ok', ended: true, fields: { 'content-length': '2' },
    });
  });

  it('joins repeated fields, lower-cases names and trims values', () => {
    expect(readBothWays('HTTP/1.1 200 OK\r\nVary: Accept\r\nVARY:\t Origin \r\nContent-Length: 0\r\n\r\n').fields).toEqual({ vary: 'Accept, Origin', 'content-length': '0' });
  });

  it('accepts a status line without a reason phrase, and a repeated identical length', () => {
    expect(readBothWays('HTTP/1.1 200\r\nContent-Length: 2, 2\r\n\r\nok')).toMatchObject({ status: 200, body: 'ok', ended: true });
  });
});

describe('Http1ReplyParser: a connection that ends early', () => {
  it('is incomplete before the head, inside a sized body and inside a chunked one', () => {
    expect(readBothWays('', { close: true })).toMatchObject({ status: null, finished: 'incomplete' });
    expect(readBothWays('HTTP/1.1 200 OK\r\nContent-Le', { close: true })).toMatchObject({ status: null, finished: 'incomplete' });
    expect(readBothWays('HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n{"results":', { close: true })).toMatchObject({ status: 200, body: '{"results":', ended: false, finished: 'incomplete' });
    expect(readBothWays('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel', { close: true })).toMatchObject({ body: 'hel', ended: false, finished: 'incomplete' });
    expect(readBothWays('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n', { close: true })).toMatchObject({ body: 'hello', ended: false, finished: 'incomplete' });
  });
});

describe('Http1ReplyParser: what is not HTTP', () => {
  const refused = (reply: string | Buffer, expected: RegExp) => {
    const result = read([reply]);
    expect(result.notHttp).toMatch(expected);
    expect(result.ended).toBe(false);
  };

  it('refuses a reply that does not start with a status line', () => {
    refused('SSH-2.0-OpenSSH_9.6\r\n\r\n', /does not start with an HTTP\/1\.x status line/);
    refused('<html><body>hello</body></html>\r\n\r\n', /does not start with an HTTP\/1\.x status line/);
    refused('HTTP/2 200\r\n\r\n', /does not start with an HTTP\/1\.x status line/);
    refused('HTTP/1.1 20 OK\r\n\r\n', /does not start with an HTTP\/1\.x status line/);
  });

  it('refuses at its first bytes a reply that cannot become a status line, without waiting for more', () => {
    const parser = new Http1ReplyParser('POST');
    expect(parser.push(Buffer.from('HTTP/'))).toEqual([]);
    expect(parser.push(Buffer.from('2 200'))[0]).toMatchObject({ kind: 'not-http', error: { message: 'The reply is not valid HTTP/1.1: it does not start with an HTTP/1.x status line.' } });
    expect(read(['SSH-2.0'])).toMatchObject({ notHttp: expect.stringMatching(/status line/) });
  });

  it('refuses folded lines, nameless lines and control characters in values', () => {
    refused('HTTP/1.1 200 OK\r\nX-A: one\r\n two\r\n\r\n', /folded/);
    refused('HTTP/1.1 200 OK\r\nno colon here\r\n\r\n', /no valid name/);
    refused('HTTP/1.1 200 OK\r\nBad Name: x\r\n\r\n', /no valid name/);
    refused('HTTP/1.1 200 OK\r\nX-A: a\x00b\r\n\r\n', /X-A header holds a control character/);
  });

  it('refuses lengths that disagree or are not numbers', () => {
    refused('HTTP/1.1 200 OK\r\nContent-Length: 5, 6\r\n\r\nhello', /Content-Length is not one number/);
    refused('HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n', /Content-Length is not one number/);
    refused('HTTP/1.1 200 OK\r\nContent-Length: 0x10\r\n\r\n', /Content-Length is not one number/);
  });

  it('refuses chunk sizes that are not hexadecimal, too large, or chunks longer than they said', () => {
    refused('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n', /chunk size is not a hexadecimal number/);
    refused('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1000000000000\r\n', /chunk size is not a hexadecimal number/);
    refused('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcdef\r\n', /chunk does not end where its size says/);
  });

  it('refuses a switch of protocols that was not asked for', () => {
    refused('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n', /switched protocols/);
  });

  it('bounds the head, a chunk size line and the trailers, even while they are still arriving', () => {
    const endless = `HTTP/1.1 200 OK\r\nX-Filler: ${'a'.repeat(MAX_HEAD_BYTES)}`;
    refused(endless, /head is larger than 64 KiB/);
    refused(`${endless}\r\n\r\n`, /head is larger than 64 KiB/);
    refused(`HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;${'x'.repeat(2000)}`, /chunk size line is too long/);
    refused(`HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX-T: ${'t'.repeat(MAX_HEAD_BYTES)}`, /trailer section is too long/);
  });

  it('reads nothing more once it has refused a reply', () => {
    const parser = new Http1ReplyParser('POST');
    expect(parser.push(Buffer.from('nonsense\r\n\r\n')).map((event) => event.kind)).toEqual(['not-http']);
    expect(parser.push(Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n'))).toEqual([]);
    expect(parser.finish()).toEqual([]);
  });
});
