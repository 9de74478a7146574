import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { trayIconFile, trayIcons } from '../../../src/app-shell/tray-model';

const root = path.resolve(__dirname, '../../..');
const configText = readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
const config = parse(configText) as Record<string, unknown> & {
  electronFuses: Record<string, boolean>;
  files: string[];
  extraResources: Array<{ from: string; to: string }>;
  mac: { target: Array<{ target: string; arch: string[] }>; extendInfo: Record<string, unknown>; hardenedRuntime: boolean; icon: string };
  win: { icon: string; target: Array<{ target: string }> };
  linux: { target: Array<{ target: string }>; category: string; maintainer: string; icon: string };
  protocols: Array<{ schemes: string[] }>;
};

// electron-builder's own schema: strict mode off because the schema uses its own `typeof` keyword.
const schema = JSON.parse(readFileSync(path.join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true }).compile(schema);

describe('electron-builder.yml', () => {
  it('points editors at the local schema and validates against it', () => {
    expect(configText.split('\n')[0]).toBe('# yaml-language-server: $schema=node_modules/app-builder-lib/scheme.json');
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
  });

  it('catches a typo the way CI would', () => {
    const typo = structuredClone(config) as Record<string, Record<string, unknown>>;
    typo.nsis = { ...typo.nsis, oneClik: false };
    expect(validate(typo)).toBe(false);
    expect(validate.errors?.some((error) => error.message === 'must NOT have additional properties' && error.params.additionalProperty === 'oneClik')).toBe(true);
  });

  it('flips the fuses the security checklist asks for', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('ships the built app only, with native modules unpacked', () => {
    expect(config.files).toEqual(expect.arrayContaining(['out/main/**', 'out/preload/**', 'out/renderer/**', '!**/*.map']));
    expect(config.files.some((pattern) => /^(src|main|renderer|test)\//.test(pattern))).toBe(false);
    expect(config.asarUnpack).toEqual(['**/*.node']);
  });

  it('builds a dmg and zip for both Mac architectures as a menu-bar app, NSIS on Windows, AppImage and deb on Linux', () => {
    expect(config.mac.target).toEqual([{ target: 'dmg', arch: ['arm64', 'x64'] }, { target: 'zip', arch: ['arm64', 'x64'] }]);
    expect(config.mac.extendInfo.LSUIElement).toBe(1);
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
    expect(config.linux.target.map((t) => t.target)).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Utility');
    expect(config.linux.maintainer).toMatch(/<.+@.+>/);
    expect(config.protocols.flatMap((p) => p.schemes)).toEqual(['gridpass']);
  });
});

/** Reads the PNG entries of an .ico or .icns file, so a broken encoder cannot pass unnoticed. */
function pngSize(png: Buffer): number {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return png.readUInt32BE(16);
}

/** RGBA pixels of a PNG written without row filters, as scripts/make-icons.mjs writes them. */
function pngPixels(png: Buffer): Buffer {
  const size = pngSize(png);
  const chunks: Buffer[] = [];
  for (let offset = 8; offset < png.length;) {
    const length = png.readUInt32BE(offset);
    if (png.toString('ascii', offset + 4, offset + 8) === 'IDAT') chunks.push(png.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const rows = Array.from({ length: size }, (_, y) => {
    expect(raw[y * (size * 4 + 1)]).toBe(0);
    return raw.subarray(y * (size * 4 + 1) + 1, (y + 1) * (size * 4 + 1));
  });
  return Buffer.concat(rows);
}

function icoSizes(file: string): number[] {
  const data = readFileSync(file);
  expect(data.readUInt16LE(2)).toBe(1);
  return Array.from({ length: data.readUInt16LE(4) }, (_, i) => {
    const entry = 6 + i * 16;
    const png = data.subarray(data.readUInt32LE(entry + 12), data.readUInt32LE(entry + 12) + data.readUInt32LE(entry + 8));
    const size = pngSize(png);
    expect(data[entry] === 0 ? 256 : data[entry]).toBe(size);
    return size;
  });
}

function icnsSizes(file: string): Record<string, number> {
  const data = readFileSync(file);
  expect(data.toString('ascii', 0, 4)).toBe('icns');
  expect(data.readUInt32BE(4)).toBe(data.length);
  const sizes: Record<string, number> = {};
  for (let offset = 8; offset < data.length;) {
    const length = data.readUInt32BE(offset + 4);
    sizes[data.toString('ascii', offset, offset + 4)] = pngSize(data.subarray(offset + 8, offset + length));
    offset += length;
  }
  return sizes;
}

describe('icons the packaging and the tray use', () => {
  it('has the app icon in every format the installers take', () => {
    expect(pngSize(readFileSync(path.join(root, 'assets/icon.png')))).toBe(1024);
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
      expect(pngSize(readFileSync(path.join(root, config.linux.icon, `${size}x${size}.png`)))).toBe(size);
    }
    expect(icoSizes(path.join(root, config.win.icon))).toEqual([16, 24, 32, 48, 64, 128, 256]);
    expect(icnsSizes(path.join(root, config.mac.icon))).toEqual({
      icp4: 16, icp5: 32, ic11: 32, icp6: 64, ic12: 64, ic07: 128, ic08: 256, ic13: 256, ic09: 512, ic14: 512, ic10: 1024,
    });
  });

  it('has every tray icon the tray model asks for, copied into resources/tray', () => {
    const trayDir = config.extraResources.find((resource) => resource.to === 'tray')?.from;
    expect(trayDir).toBe('assets/tray');
    for (const icon of trayIcons) {
      for (const [platform, scale] of [['darwin', 1], ['win32', 1], ['linux', 1], ['linux', 2]] as const) {
        expect(statSync(path.join(root, trayDir!, trayIconFile(icon, platform, scale))).size).toBeGreaterThan(100);
      }
      expect(pngSize(readFileSync(path.join(root, trayDir!, `tray-${icon}Template@2x.png`)))).toBe(32);
      // macOS tints template images itself: black plus alpha only, and not empty.
      for (const name of [`tray-${icon}Template.png`, `tray-${icon}Template@2x.png`]) {
        const pixels = pngPixels(readFileSync(path.join(root, trayDir!, name)));
        let opaque = 0;
        for (let i = 0; i < pixels.length; i += 4) {
          expect(pixels[i]! | pixels[i + 1]! | pixels[i + 2]!).toBe(0);
          if (pixels[i + 3]! > 128) opaque++;
        }
        expect(opaque).toBeGreaterThan(pixels.length / 4 / 5);
      }
      expect(icoSizes(path.join(root, trayDir!, `tray-${icon}.ico`))).toEqual([16, 20, 24, 32]);
    }
  });
});
