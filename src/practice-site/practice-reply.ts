import type { IncomingMessage } from 'node:http';

/** A complete HTTP answer, built before anything is written so fault switches can mangle it on the way out. */
export interface PracticeReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';
const HTML_CONTENT_TYPE = 'text/html; charset=utf-8';

export function jsonReply(status: number, value: unknown): PracticeReply {
  return { status, headers: { 'Content-Type': JSON_CONTENT_TYPE }, body: JSON.stringify(value) };
}

export function htmlReply(status: number, html: string, headers: Record<string, string> = {}): PracticeReply {
  return { status, headers: { 'Content-Type': HTML_CONTENT_TYPE, ...headers }, body: html };
}

/** A small HTML page, the kind web servers and proxies answer with. */
export function htmlPage(title: string, paragraph: string): string {
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>${title}</title></head>` +
    `<body><h1>${title}</h1><p>${paragraph}</p></body></html>\n`;
}

type BodyRead = { ok: true; body: Buffer } | { ok: false; reason: 'too-large' | 'aborted' };

/** Reads a request body, giving up (without buffering the rest) once it passes `limitBytes`. */
export function readBody(request: IncomingMessage, limitBytes: number): Promise<BodyRead> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes) {
    request.resume();
    return Promise.resolve({ ok: false, reason: 'too-large' });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (result: BodyRead): void => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    request.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > limitBytes) {
        settle({ ok: false, reason: 'too-large' });
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => settle({ ok: true, body: Buffer.concat(chunks) }));
    request.on('error', () => settle({ ok: false, reason: 'aborted' }));
    request.on('close', () => settle({ ok: false, reason: 'aborted' }));
  });
}

/** The media type of a Content-Type header, without parameters, lower-cased; `null` when absent. */
export function mediaType(header: string | undefined): string | null {
  if (header === undefined) return null;
  const type = header.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === '' ? null : type;
}
