import { X509Certificate } from 'node:crypto';
import { request as httpsRequest } from 'node:https';
import type { TLSSocket } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { PRACTICE_TLS_CERT } from '../../../src/practice-site/practice-tls';
import { practiceSites } from '../../fixtures/practice-site';

const sites = practiceSites();

interface TlsAnswer {
  status: number;
  body: string;
  peerFingerprint: string;
}

function postInfo(url: string, ca: string | undefined): Promise<TlsAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(`${url}/api3/json`, { method: 'POST', ca, headers: { 'content-type': 'application/json' } }, (res) => {
      const peerFingerprint = (res.socket as TLSSocket).getPeerCertificate().fingerprint256;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, peerFingerprint }));
    });
    req.on('error', reject);
    req.end(JSON.stringify({ method_name: 'info', params: [] }));
  });
}

describe('practice TLS certificate', () => {
  const certificate = new X509Certificate(PRACTICE_TLS_CERT);

  it('names loopback only and stays valid for decades', () => {
    expect(certificate.subjectAltName).toBe('DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1');
    expect(new Date(certificate.validFrom).getTime()).toBeLessThan(Date.parse('2024-01-02'));
    expect(new Date(certificate.validTo).getTime()).toBeGreaterThan(Date.parse('2049-01-01'));
  });

  it('serves https with the embedded certificate, trusted when the client is told to', async () => {
    const site = await sites.start({ tls: true });
    expect(site.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(site.certificate).toBe(PRACTICE_TLS_CERT);
    const answer = await postInfo(site.url, site.certificate ?? undefined);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toHaveProperty('version');
    expect(answer.peerFingerprint).toBe(certificate.fingerprint256);
  });

  it('is refused as an unknown CA by a client that does not trust it', async () => {
    const site = await sites.start({ tls: true });
    await expect(postInfo(site.url, undefined)).rejects.toMatchObject({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
  });

  it('serves plain http without a certificate by default', async () => {
    const site = await sites.start();
    expect(site.url).toMatch(/^http:\/\//);
    expect(site.certificate).toBeNull();
  });
});
