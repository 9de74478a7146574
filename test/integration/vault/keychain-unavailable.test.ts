// Sessions with no usable keychain, each in a child process: the vault must say what is missing
// and how to get it, never fall back to another store, and never print a stack or a secret.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VaultFailure, VaultResult, VaultSelfTest } from '../../../src/vault/vault';
import { uniqueKeychainService } from '../../fixtures/keyring';
import { plantedSecret } from '../../fixtures/plant-secret';

interface ProbeOutput {
  selfTest: VaultSelfTest;
  save: { ok: boolean; failure?: { kind: string; failure: VaultFailure } };
  list: VaultResult<unknown[]>;
  read: { ok: true; same: boolean } | { ok: false; failure: VaultFailure };
  accounts: unknown[];
  settingsPath: string;
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'gridpass-nokeychain-'));
// Inside the project so the bundle's package imports resolve from its node_modules.
const probe = path.resolve('node_modules/.cache/gridpass-tests', `keyring-probe-${randomUUID()}.mjs`);

beforeAll(async () => {
  await build({
    entryPoints: ['test/fixtures/keyring-probe.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile: probe,
    logLevel: 'silent',
  });
});
afterAll(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
  fs.rmSync(probe, { force: true });
});

const unlockedKeyringSession = [
  'dbus-run-session',
  '--',
  'sh',
  '-c',
  'printf "probe-keyring\\n" | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"',
  'sh',
];

/** Runs the probe with a fresh settings folder and runtime dir, and no inherited session bus. */
function runProbe(wrapper: string[], keyring: { data?: string; service?: string } = {}) {
  const home = fs.mkdtempSync(path.join(scratch, 'home-'));
  const runtime = fs.mkdtempSync(path.join(scratch, 'run-'));
  fs.chmodSync(runtime, 0o700);
  const secret = plantedSecret('nokeychain');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GRIDPASS_HOME: home,
    GRIDPASS_KEYCHAIN_SERVICE: keyring.service ?? uniqueKeychainService('nokeychain'),
    GRIDPASS_PROBE_SECRET: secret,
    // Without these the Secret Service client would find the desktop's own bus or keyring.
    XDG_RUNTIME_DIR: runtime,
    // gnome-keyring keeps its keyring files here, so no test touches a person's own keyring.
    XDG_DATA_HOME: keyring.data ?? fs.mkdtempSync(path.join(scratch, 'data-')),
  };
  delete env.DBUS_SESSION_BUS_ADDRESS;
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  const [command, ...args] = [...wrapper, process.execPath, probe];
  const child = spawnSync(command!, args, { env, encoding: 'utf8', timeout: 30_000 });
  const output = JSON.parse(child.stdout) as ProbeOutput;
  return { child, output, secret, home };
}

function expectNothingLeaked(run: ReturnType<typeof runProbe>) {
  const settingsFile = fs.readFileSync(run.output.settingsPath, 'utf8');
  for (const text of [run.child.stdout, run.child.stderr, settingsFile]) {
    expect(text).not.toContain(run.secret);
    expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);
  }
  expect(run.output.accounts).toEqual([]);
  expect(JSON.parse(settingsFile).accounts).toEqual([]);
}

function expectAllFailWith(output: ProbeOutput, kind: VaultFailure['kind']) {
  expect(output.selfTest.ok).toBe(false);
  expect(output.selfTest.failure?.kind).toBe(kind);
  expect(output.save).toMatchObject({ ok: false, failure: { kind: 'vault', failure: { kind } } });
  expect(output.list).toMatchObject({ ok: false, failure: { kind } });
  expect(output.read).toMatchObject({ ok: false, failure: { kind } });
}

describe('without a usable keychain', () => {
  it('reports a session with no D-Bus bus as unavailable, naming what to install', () => {
    const run = runProbe([]);
    expect(run.child.status).toBe(0);
    expectAllFailWith(run.output, 'unavailable');
    expect(run.output.selfTest.steps).toEqual([{ name: 'open', ok: false, durationMs: expect.any(Number) }]);
    const failure = run.output.selfTest.failure!;
    expect(failure.message).toMatch(/no D-Bus session bus/);
    expect(failure.fix).toContain('apt install gnome-keyring');
    expect(failure.fix).toContain('dbus-run-session');
    expectNothingLeaked(run);
  });

  it('reports a bus with no Secret Service on it as unavailable', () => {
    const config = path.join(scratch, 'bus-without-services.conf');
    fs.writeFileSync(
      config,
      `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig><type>session</type><listen>unix:tmpdir=${scratch}</listen>
<policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy>
</busconfig>`,
    );
    const run = runProbe(['dbus-run-session', `--config-file=${config}`, '--']);
    expect(run.child.status).toBe(0);
    expectAllFailWith(run.output, 'unavailable');
    expect(run.output.selfTest.failure?.message).toMatch(/no Secret Service \(GNOME Keyring or KWallet\) is running/);
    expectNothingLeaked(run);
  });

  it('reports a Secret Service with no default keyring as unavailable, saying how to create one', () => {
    // The bus starts gnome-keyring on demand, with no keyring made yet and no display to ask on.
    const run = runProbe(['dbus-run-session', '--']);
    expect(run.child.status).toBe(0);
    expect(run.output.selfTest.failure).toMatchObject({ kind: 'unavailable', message: expect.stringMatching(/no default keyring/) });
    expect(run.output.save).toMatchObject({ ok: false, failure: { kind: 'vault', failure: { kind: 'unavailable' } } });
    expectNothingLeaked(run);
  });

  it('reports a locked keyring as locked for saving and listing, and says how to unlock it', () => {
    const data = fs.mkdtempSync(path.join(scratch, 'data-'));
    const service = uniqueKeychainService('locked');
    // First session: the keyring is created with a password and unlocked, and a login is saved.
    const unlocked = runProbe([...unlockedKeyringSession], { data, service });
    expect(unlocked.output.save.ok).toBe(true);
    expect(unlocked.output.list).toMatchObject({ ok: true, value: [{ kind: 'passphrase' }, { kind: 'pat' }] });
    expect(unlocked.output.read).toEqual({ ok: true, same: true });
    // Second session: the same keyring, never unlocked, and no display for the unlock prompt. The read
    // is the library's too: Gridpass's own Secret Service read answers only an unlocked item.
    const run = runProbe(['dbus-run-session', '--'], { data, service });
    expect(run.child.status).toBe(0);
    expectAllFailWith(run.output, 'locked');
    expect(run.output.selfTest.failure?.fix).toMatch(/Unlock/);
    expectNothingLeaked(run);
  });
});
