/**
 * What each `gridpass` command loads, seen from inside the built CLI's process (test/fixtures/load-probe.cjs):
 * nothing on the path of a command that the command does not use. `--version`, `site` and `verify` of a
 * typed login open no keychain addon and build no settings schema. `session` builds the schema, and
 * reads a kept session without the addon (src/vault/secret-service/), which it opens only to save a
 * new session: that run shows the probe sees the addon. No command's requests load Node's HTTP client
 * or its crypto module on a plain-HTTP site: the CLI sends HTTP/1.1 itself (src/net/direct-fetch.ts),
 * and reads the keychain without Node's crypto.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountRegistry } from '../../../src/accounts/account-registry';
import type { PracticeSite } from '../../../src/practice-site';
import { projectRoot, type CliSandbox } from '../../fixtures/cli-process';
import { keychainCliWithPracticeSite } from '../../fixtures/keychain-cli-suite';
import { practiceAccount } from '../../fixtures/practice-site';

let sandbox: CliSandbox;
let site: PracticeSite;
let registry: AccountRegistry;
let probes: string;

keychainCliWithPracticeSite('loads', (suite) => ({ sandbox, site, registry } = suite));

beforeAll(async () => {
  probes = await mkdtemp(path.join(tmpdir(), 'gridpass-load-probe-'));
});

afterAll(async () => {
  await rm(probes, { recursive: true, force: true });
});

interface Loads {
  code: number | null;
  /** File names of the native addons the run opened. */
  addons: string[];
  /** Node.js modules loaded after start-up (`net`, `tty`, `node:http`'s `_http_client`, ...). */
  builtins: string[];
  zodSchemas: number;
}

const probe = path.join(projectRoot, 'test', 'fixtures', 'load-probe.cjs');
let runs = 0;

async function loadsOf(args: string[], stdin?: string): Promise<Loads> {
  const file = path.join(probes, `run-${(runs += 1)}.json`);
  const run = await sandbox.run(args, { stdin, env: { NODE_OPTIONS: `--require "${probe}"`, GRIDPASS_TEST_LOAD_PROBE: file } });
  const seen = JSON.parse(await readFile(file, 'utf8')) as Omit<Loads, 'code'>;
  return { code: run.code, ...seen };
}

/** Node's own HTTP client and crypto, which a plain-HTTP check has no use for. */
const notForPlainHttp = ['_http_client', 'http', 'https', 'crypto', 'tls'];

describe('what a gridpass command loads', () => {
  it('answers --version from the launcher: no addon, no schema, not even the net or stream modules', async () => {
    const loads = await loadsOf(['--version']);
    expect(loads).toMatchObject({ code: 0, addons: [], zodSchemas: 0 });
    for (const name of ['net', 'tty', 'stream', ...notForPlainHttp]) expect(loads.builtins).not.toContain(name);
  });

  it('asks a site what it is without the keychain addon or the settings schema', async () => {
    const loads = await loadsOf(['site', site.url]);
    expect(loads).toMatchObject({ code: 0, addons: [], zodSchemas: 0 });
    expect(loads.builtins).toContain('net');
    for (const name of notForPlainHttp) expect(loads.builtins).not.toContain(name);
  });

  it('verifies a typed login without them, and opens the settings only once there is a refusal to count or clear', async () => {
    const works = practiceAccount(site, 'works');
    const verify = (passphrase: string) => loadsOf(['verify', '--site', site.url, '--login', works.login, '--passphrase-stdin'], `${passphrase}\n`);

    const clean = await verify(works.passphrase!);
    expect(clean).toMatchObject({ code: 0, addons: [], zodSchemas: 0 });
    for (const name of notForPlainHttp) expect(clean.builtins).not.toContain(name);

    const refused = await verify(`not-${works.passphrase!}`);
    expect(refused.code).toBe(1);
    expect(refused.zodSchemas).toBeGreaterThan(0);
    // The count the refusal left is cleared by the next verified try, which therefore opens the settings too.
    const clearing = await verify(works.passphrase!);
    expect(clearing.code).toBe(0);
    expect(clearing.zodSchemas).toBeGreaterThan(0);
    expect(await verify(works.passphrase!)).toMatchObject({ code: 0, addons: [], zodSchemas: 0 });
  });

  it('hands out a kept session with the settings schema but no keychain addon, HTTP client or crypto', async () => {
    const works = practiceAccount(site, 'works');
    const saved = await registry.saveVerifiedLogin({ site: site.url, login: works.login, displayName: null, loginMethod: 'oxygen', passphrase: works.passphrase! });
    if (!saved.ok) throw new Error(`could not save ${works.login}: ${saved.failure.kind}`);
    // The first run swaps the passphrase for a session and saves it, through the addon; the second reads the kept one.
    expect(await loadsOf(['session', '--site', site.url])).toMatchObject({ code: 0, addons: [expect.stringMatching(/^keyring\..+\.node$/)] });
    site.log.clear();

    const loads = await loadsOf(['session', '--site', site.url]);
    expect(loads.code).toBe(0);
    expect(site.log.entries().map((entry) => [entry.call, entry.authKind])).toEqual([['read', 'session']]);
    expect(loads.addons).toEqual([]);
    expect(loads.zodSchemas).toBeGreaterThan(0);
    for (const name of notForPlainHttp) expect(loads.builtins).not.toContain(name);
  });
});
