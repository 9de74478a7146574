import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { keyringBinaryPackage, loadFrom, loadKeyringModule } from '../../../src/vault/keyring-module';

const loaderPackage = JSON.parse(readFileSync('node_modules/@napi-rs/keyring/package.json', 'utf8')) as { optionalDependencies: Record<string, string> };

/** A `require` that answers only the ids given, and notes every id asked for. */
function requireOf(modules: Record<string, unknown>) {
  const asked: string[] = [];
  const load = (id: string) => {
    asked.push(id);
    if (id in modules) return modules[id];
    throw new Error(`Cannot find module '${id}'`);
  };
  return { load, asked };
}

describe('the native keychain module', () => {
  it("names each glibc, Windows and macOS binary package of the loader's list for its platform and processor", () => {
    const binaries = Object.keys(loaderPackage.optionalDependencies);
    expect(binaries.length).toBeGreaterThan(5);
    for (const name of binaries) {
      const [platform, arch, abi] = name.replace('@napi-rs/keyring-', '').split('-') as [NodeJS.Platform, string, string | undefined];
      if (abi === 'musl') continue; // Left to the loader, which tells the C library apart.
      expect(keyringBinaryPackage(platform, arch)).toBe(name);
    }
  });

  it('loads the binary package without the loader when it is there', () => {
    const binary = { AsyncEntry: class {} };
    const { load, asked } = requireOf({ '@napi-rs/keyring-linux-x64-gnu': binary, '@napi-rs/keyring': {} });
    expect(loadFrom(load, 'linux', 'x64')).toEqual({ ok: true, value: binary });
    expect(asked).toEqual(['@napi-rs/keyring-linux-x64-gnu']);
  });

  it('falls back to the loader when the binary package does not load (a musl system)', () => {
    const loader = { AsyncEntry: class {} };
    const { load, asked } = requireOf({ '@napi-rs/keyring': loader });
    expect(loadFrom(load, 'linux', 'x64')).toEqual({ ok: true, value: loader });
    expect(asked).toEqual(['@napi-rs/keyring-linux-x64-gnu', '@napi-rs/keyring']);
  });

  it("says why, in the loader's words, when neither loads", () => {
    const loaded = loadFrom(requireOf({}).load, 'sunos', 'sparc');
    expect(loaded.ok).toBe(false);
    expect(loaded.ok ? null : String(loaded.error)).toContain("Cannot find module '@napi-rs/keyring'");
  });

  it('names the binary package installed on this machine, and loads', () => {
    const here = createRequire(import.meta.url);
    expect(() => here.resolve(keyringBinaryPackage(process.platform, process.arch))).not.toThrow();
    expect(loadKeyringModule()).toMatchObject({ ok: true, value: { AsyncEntry: expect.any(Function) } });
  });
});
