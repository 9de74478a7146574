import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sweepForPlantedSecrets } from '../../../scripts/secret-sweep.mjs';
import { echoed } from '../../fixtures/echoing-site';
import { PLANTED_BODY_LENGTH, plantedSecret } from '../../fixtures/plant-secret';
import { projectRoot } from '../../fixtures/cli-process';

/** A registry folder as `npm test` makes one, holding the unique parts of `secrets`. */
function registryOf(...secrets: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'gridpass-sweep-registry-'));
  writeFileSync(join(dir, '1.jsonl'), secrets.map((secret) => `${JSON.stringify(secret.slice(secret.lastIndexOf('-') + 1))}\n`).join(''));
  return dir;
}

const emptyDir = (): string => mkdtempSync(join(tmpdir(), 'gridpass-sweep-'));

describe('the sweep for planted secrets', () => {
  const secret = plantedSecret('passphrase');
  const body = secret.slice(-PLANTED_BODY_LENGTH);
  const registry = registryOf(secret);
  const cut = body.slice(5, 13);

  // Every spelling a page or a report may give the secret, each showing only part of it.
  const forms: Record<string, string> = {
    'whole': `the site said: ${secret}`,
    'upper-cased, prefix cut away': `THE SITE SAID: …${body.toUpperCase()}`,
    'mixed case fragment': [...cut].map((c, i) => (i % 2 ? c.toUpperCase() : c)).join(''),
    'eight characters cut off': `…${cut}…`,
    '\\u-escaped JSON': `{"message":"${echoed('json-u-escaped', cut)}"}`,
    '\\u-escaped twice (JSON inside JSON)': JSON.stringify({ inner: echoed('json-u-escaped', cut) }),
    '\\x escapes': [...cut].map((c) => `\\x${c.charCodeAt(0).toString(16)}`).join(''),
    'URL-encoded every byte': [...cut].map((c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).join(''),
    'form-encoded with spaces': `q=${cut.slice(0, 4)}%${cut.charCodeAt(4).toString(16)}${cut.slice(5)}+and+more`,
    'HTML decimal entities': [...cut].map((c) => `&#${c.charCodeAt(0)};`).join(''),
    'HTML hex entities, upper-cased page': [...cut].map((c) => `&#X${c.charCodeAt(0).toString(16).toUpperCase()};`).join(''),
    'HTML-escaped then URL-encoded': encodeURIComponent([...cut].map((c) => `&#${c.charCodeAt(0)};`).join('')),
  };

  it.each(Object.keys(forms))('finds the secret %s, in the output and in a file', (form) => {
    const dir = emptyDir();
    writeFileSync(join(dir, 'report.md'), forms[form]!);
    writeFileSync(join(dir, 'clean.json'), '{"user_password":"[redacted]"}');
    expect(sweepForPlantedSecrets(forms[form]!, dir, registry)).toEqual(['the test output', join(dir, 'report.md')]);
  });

  it('finds a spiced secret by its non-ASCII part alone, \\u-escaped, HTML-escaped or URL-encoded', () => {
    const spiced = plantedSecret('passphrase', { spice: 'Ünïcødé"q-' });
    const spicedRegistry = mkdtempSync(join(tmpdir(), 'gridpass-sweep-registry-'));
    writeFileSync(join(spicedRegistry, '1.jsonl'), `${JSON.stringify(spiced.slice('planted-passphrase-'.length))}\n`);
    for (const spelling of [echoed('json-u-escaped', 'Ünïcødé"q'), echoed('html-escaped', 'ÜNÏCØDÉ"Q'), encodeURIComponent('ünïcødé"q-')]) {
      expect(sweepForPlantedSecrets(`the site said ${spelling}`, emptyDir(), spicedRegistry), spelling).toEqual(['the test output']);
    }
  });

  it('finds the prefix in any case without a registry', () => {
    expect(sweepForPlantedSecrets('a PLANTED-session-0123 id', emptyDir())).toEqual(['the test output']);
  });

  it('reads every registry file in the folder and sweeps every folder it is given', () => {
    const other = plantedSecret('script-key');
    const folder = registryOf(secret);
    writeFileSync(join(folder, '2.jsonl'), `${JSON.stringify(other.slice(-PLANTED_BODY_LENGTH))}\n`);
    const [first, second] = [emptyDir(), emptyDir()];
    writeFileSync(join(second, 'gridpass.log'), `INFO key ${other.slice(-10).toUpperCase()}`);
    expect(sweepForPlantedSecrets('', [first, second], folder)).toEqual([join(second, 'gridpass.log')]);
  });

  it('does not flag seven characters of a secret, nor ordinary text: the docs, ids, hashes and random tokens', () => {
    const docs = ['README.md', ...readdirSync(join(projectRoot, 'docs')).map((name) => join('docs', name))]
      .filter((name) => name.endsWith('.md'))
      // The README names the prefix, which is a leak by design; this is about fragments.
      .map((name) => readFileSync(join(projectRoot, name), 'utf8').replace(/planted-/gi, 'planted'));
    const ids = Array.from({ length: 2000 }, () => `${randomUUID()} ${randomBytes(24).toString('base64url')} ${randomBytes(32).toString('hex')}`);
    const seven = `${body.slice(0, 7)} ${body.slice(7, 14).toUpperCase()} ${echoed('json-u-escaped', body.slice(14, 21))}`;
    const text = [...docs, ...ids, seven, 'planted', 'planted_'].join('\n');
    expect(docs.join('').length).toBeGreaterThan(10_000);
    expect(sweepForPlantedSecrets(text, emptyDir(), registryOf(secret, ...Array.from({ length: 500 }, () => plantedSecret('other'))))).toEqual([]);
  });
});
