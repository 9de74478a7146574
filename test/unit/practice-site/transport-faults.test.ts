import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import { api3, practiceSites } from '../../fixtures/practice-site';

const sites = practiceSites();

const INFO = JSON.stringify({ method_name: 'info', params: [] });

function postInfo(url: string): Promise<Response> {
  return fetch(`${url}/api3/json`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: INFO, redirect: 'manual' });
}

interface RawAnswer {
  declaredLength: number;
  received: number;
  ended: 'complete' | 'aborted';
}

/** A raw exchange, to see what a client's fetch would hide: how many bytes came before the link died. */
function rawPost(url: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}/api3/json`, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      let received = 0;
      const declaredLength = Number(res.headers['content-length']);
      res.on('data', (chunk: Buffer) => {
        received += chunk.length;
      });
      res.on('end', () => resolve({ declaredLength, received, ended: 'complete' }));
      res.on('aborted', () => resolve({ declaredLength, received, ended: 'aborted' }));
      res.on('error', () => resolve({ declaredLength, received, ended: 'aborted' }));
    });
    req.on('error', reject);
    req.end(INFO);
  });
}

describe('fault switches', () => {
  it('answers 503 with an HTML maintenance page', async () => {
    const site = await sites.start({ faults: { maintenance: true } });
    const response = await postInfo(site.url);
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('date')).not.toBeNull();
    expect(await response.text()).toMatch(/<title>Flow Production Tracking is down for maintenance<\/title>/);
  });

  it('answers 200 text/html with a captive portal page', async () => {
    const site = await sites.start({ faults: { html: true } });
    const response = await postInfo(site.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toMatch(/<title>Guest Wi-Fi - Sign in to continue<\/title>/);
  });

  it('redirects with 302 to another host', async () => {
    const site = await sites.start({ faults: { redirectTo: 'https://mystudio.shotgrid.autodesk.com/api3/json' } });
    const response = await postInfo(site.url);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('https://mystudio.shotgrid.autodesk.com/api3/json');
  });

  it.each([
    [{ forbiddenHtml: true }, 403, '403 Forbidden'],
    [{ badGateway: true }, 502, '502 Bad Gateway'],
    [{ gatewayTimeout: true }, 504, '504 Gateway Time-out'],
  ])('answers %j with %i and an HTML page', async (faults, status, title) => {
    const site = await sites.start({ faults });
    const response = await postInfo(site.url);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain(`<title>${title}</title>`);
  });

  it('promises a full body, sends half, and hangs up', async () => {
    const site = await sites.start({ faults: { truncate: true } });
    const answer = await rawPost(site.url);
    expect(answer.ended).toBe('aborted');
    expect(answer.declaredLength).toBeGreaterThan(100);
    expect(answer.received).toBe(Math.floor(answer.declaredLength / 2));
    await expect(postInfo(site.url).then((response) => response.text())).rejects.toThrow();
  });

  it('resets the connection without an answer', async () => {
    const site = await sites.start({ faults: { reset: true } });
    await expect(postInfo(site.url)).rejects.toThrow();
    expect(site.log.entries().at(-1)).toMatchObject({ outcome: { kind: 'transport-fault', fault: 'reset' } });
  });

  it('delays answers by the latency asked for', async () => {
    const site = await sites.start({ faults: { latencyMs: 300 } });
    const started = performance.now();
    expect((await postInfo(site.url)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('switches at runtime, and back off with an empty set', async () => {
    const site = await sites.start();
    site.setFaults({ badGateway: true });
    expect((await postInfo(site.url)).status).toBe(502);
    expect(site.faults()).toEqual({ badGateway: true });
    site.setFaults({});
    expect((await api3(site, 'info')).body).toHaveProperty('version');
  });

  it('lets the reset win over the other switches', async () => {
    const site = await sites.start({ faults: { reset: true, maintenance: true, html: true } });
    await expect(postInfo(site.url)).rejects.toThrow();
  });

  it('refuses switches that are not switches', async () => {
    const site = await sites.start();
    expect(() => site.setFaults({ latencyMs: -5 })).toThrow();
    expect(() => site.setFaults({ redirectTo: 'not a url' })).toThrow();
  });

  it('is switched from the loopback control endpoint, which the faults never block', async () => {
    const site = await sites.start({ faults: { reset: true } });
    const on = await fetch(`${site.url}/__practice/faults`, { method: 'POST', body: JSON.stringify({ maintenance: true }) });
    expect(on.status).toBe(200);
    expect(await on.json()).toEqual({ maintenance: true });
    expect((await postInfo(site.url)).status).toBe(503);
    const bad = await fetch(`${site.url}/__practice/faults`, { method: 'POST', body: JSON.stringify({ meltdown: true }) });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ message: expect.stringMatching(/meltdown/) });
    expect(site.faults()).toEqual({ maintenance: true });
    await fetch(`${site.url}/__practice/faults`, { method: 'POST', body: '{}' });
    expect((await postInfo(site.url)).status).toBe(200);
  });
});
