#!/usr/bin/env node
// Draws Gridpass's icons and writes every file the app and the installers use:
//   assets/icon.png, assets/icons/<n>x<n>.png, assets/icon.ico, assets/icon.icns (app icon)
//   assets/tray/tray-<state>[Template][@2x].png and tray-<state>.ico (tray, per state)
// The artwork is a shield with a key (app) or with a status glyph (tray), drawn as signed-distance
// shapes and encoded to PNG, ICO and ICNS with nothing but Node's zlib, so the output is the same on
// every machine. The generated files are committed; building the app does not run this script.
//
//   node scripts/make-icons.mjs [outDir]   (default: assets)
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

// ---------------------------------------------------------------------------------------------
// Shapes: signed distance in unit coordinates (0..1 across the image), negative inside.

const circle = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) - r;

const roundedBox = (x0, y0, x1, y1, r) => (x, y) => {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const qx = Math.abs(x - cx) - ((x1 - x0) / 2 - r);
  const qy = Math.abs(y - cy) - ((y1 - y0) / 2 - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};

/** A stroke of the given half-width along a polyline, with round caps and joins. */
const stroke = (points, halfWidth) => (x, y) => {
  let best = Infinity;
  for (let i = 0; i + 1 < points.length; i++) best = Math.min(best, segmentDistance(x, y, points[i], points[i + 1]));
  return best - halfWidth;
};

function segmentDistance(x, y, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/** A closed polygon: distance to the nearest edge, negative inside (even-odd). */
const polygon = (points) => (x, y) => {
  let best = Infinity;
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    best = Math.min(best, segmentDistance(x, y, points[j], points[i]));
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside ? -best : best;
};

const union = (...shapes) => (x, y) => Math.min(...shapes.map((shape) => shape(x, y)));
const subtract = (shape, hole) => (x, y) => Math.max(shape(x, y), -hole(x, y));

function cubic(p0, p1, p2, p3, steps = 24) {
  const points = [];
  for (let i = 1; i <= steps; i++) {
    const t = i / steps;
    const u = 1 - t;
    points.push([
      u * u * u * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t * t * t * p3[0],
      u * u * u * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t * t * t * p3[1],
    ]);
  }
  return points;
}

/** A heater shield centred on cx, from top to bottom, `width` wide. */
function shieldOutline(cx, top, bottom, width) {
  const half = width / 2;
  const height = bottom - top;
  const shoulder = top + height * 0.09;
  const waist = top + height * 0.5;
  const right = [
    ...cubic([cx, top], [cx + half * 0.45, top + height * 0.07], [cx + half * 0.8, shoulder], [cx + half, shoulder]),
    [cx + half, waist],
    ...cubic([cx + half, waist], [cx + half, top + height * 0.78], [cx + half * 0.45, top + height * 0.92], [cx, bottom]),
  ];
  const left = right.slice(0, -1).reverse().map(([x, y]) => [2 * cx - x, y]);
  return [[cx, top], ...right, ...left];
}

// ---------------------------------------------------------------------------------------------
// Painting: layers of (shape, colour) composited over a transparent canvas.

function hex(color, alpha = 1) {
  const value = parseInt(color.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255, alpha];
}

/** Renders layers at `size` px. A layer's paint is an RGBA array or a function of (x, y). */
function render(size, layers) {
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const x = (px + 0.5) / size;
      const y = (py + 0.5) / size;
      let [r, g, b, a] = [0, 0, 0, 0];
      for (const layer of layers) {
        // Distance in pixels, antialiased over one pixel.
        const coverage = Math.max(0, Math.min(1, 0.5 - layer.shape(x, y) * size));
        if (coverage === 0) continue;
        const paint = typeof layer.paint === 'function' ? layer.paint(x, y) : layer.paint;
        if (layer.erase) {
          a *= 1 - coverage;
          continue;
        }
        const sa = paint[3] * coverage;
        const outA = sa + a * (1 - sa);
        if (outA > 0) {
          r = (paint[0] * sa + r * a * (1 - sa)) / outA;
          g = (paint[1] * sa + g * a * (1 - sa)) / outA;
          b = (paint[2] * sa + b * a * (1 - sa)) / outA;
        }
        a = outA;
      }
      const offset = (py * size + px) * 4;
      pixels[offset] = Math.round(r);
      pixels[offset + 1] = Math.round(g);
      pixels[offset + 2] = Math.round(b);
      pixels[offset + 3] = Math.round(a * 255);
    }
  }
  return { size, pixels };
}

// ---------------------------------------------------------------------------------------------
// Artwork.

const BLUE_TOP = hex('#3d7df6');
const BLUE_BOTTOM = hex('#1f3c9e');
const WHITE = hex('#ffffff');
const KEY = hex('#24469f');

/** The app icon: a blue rounded square (the macOS grid's 824/1024) with a white shield and a key. */
function appIconLayers() {
  const margin = 100 / 1024;
  const tile = roundedBox(margin, margin, 1 - margin, 1 - margin, 185 / 1024);
  const gradient = (_x, y) => {
    const t = Math.max(0, Math.min(1, (y - margin) / (1 - 2 * margin)));
    return BLUE_TOP.map((channel, i) => (i === 3 ? 1 : channel + (BLUE_BOTTOM[i] - channel) * t));
  };
  const shield = polygon(shieldOutline(0.5, 0.215, 0.8, 0.47));
  const bow = subtract(circle(0.5, 0.42, 0.085), circle(0.5, 0.42, 0.034));
  const shaft = roundedBox(0.478, 0.49, 0.522, 0.705, 0.008);
  const teeth = union(roundedBox(0.5, 0.6, 0.575, 0.632, 0.006), roundedBox(0.5, 0.655, 0.56, 0.687, 0.006));
  return [
    { shape: tile, paint: gradient },
    { shape: shield, paint: WHITE },
    { shape: union(bow, shaft, teeth), paint: KEY },
  ];
}

export const trayStates = {
  ok: { color: '#2e9d5b', glyph: () => stroke([[0.33, 0.5], [0.45, 0.62], [0.68, 0.36]], 0.065) },
  checking: {
    color: '#6b7a90',
    glyph: () => union(circle(0.32, 0.48, 0.062), circle(0.5, 0.48, 0.062), circle(0.68, 0.48, 0.062)),
  },
  attention: {
    color: '#d99100',
    glyph: () => union(stroke([[0.5, 0.27], [0.5, 0.52]], 0.062), circle(0.5, 0.68, 0.066)),
  },
  failing: { color: '#d23c3c', glyph: () => union(stroke([[0.36, 0.33], [0.64, 0.61]], 0.06), stroke([[0.64, 0.33], [0.36, 0.61]], 0.06)) },
};

const trayShield = () => polygon(shieldOutline(0.5, 0.04, 0.97, 0.84));

/** Coloured tray icon (Windows, Linux): the state's colour with a white glyph, readable on light and dark panels. */
function trayLayers(state) {
  const { color, glyph } = trayStates[state];
  return [{ shape: trayShield(), paint: hex(color) }, { shape: glyph(), paint: WHITE }];
}

/** macOS template: black and alpha only, the glyph cut out, so the menu bar can tint it. */
function trayTemplateLayers(state) {
  return [{ shape: subtract(trayShield(), trayStates[state].glyph()), paint: hex('#000000') }];
}

// ---------------------------------------------------------------------------------------------
// Encoders.

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function encodePng({ size, pixels }) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(pixels.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** ICO with PNG-compressed entries (Windows Vista and later). */
export function encodeIco(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry[0] = size >= 256 ? 0 : size;
    entry[1] = size >= 256 ? 0 : size;
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((image) => image.png)]);
}

/** The ICNS element types that hold PNG data, by pixel size (two per size where @2x shares it). */
export const icnsTypes = [
  ['icp4', 16], ['icp5', 32], ['ic11', 32], ['icp6', 64], ['ic12', 64], ['ic07', 128],
  ['ic08', 256], ['ic13', 256], ['ic09', 512], ['ic14', 512], ['ic10', 1024],
];

export function encodeIcns(pngBySize) {
  const elements = icnsTypes.map(([type, size]) => {
    const png = pngBySize.get(size);
    const header = Buffer.alloc(8);
    header.write(type, 0, 'ascii');
    header.writeUInt32BE(8 + png.length, 4);
    return Buffer.concat([header, png]);
  });
  const body = Buffer.concat(elements);
  const header = Buffer.alloc(8);
  header.write('icns', 0, 'ascii');
  header.writeUInt32BE(8 + body.length, 4);
  return Buffer.concat([header, body]);
}

// ---------------------------------------------------------------------------------------------

export const appIconSizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
export const icoSizes = [16, 24, 32, 48, 64, 128, 256];
export const trayIcoSizes = [16, 20, 24, 32];

function main(outDir) {
  const write = (relative, data) => {
    const file = path.join(outDir, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, data);
  };
  const appPngs = new Map(appIconSizes.map((size) => [size, encodePng(render(size, appIconLayers()))]));
  write('icon.png', appPngs.get(1024));
  for (const [size, png] of appPngs) write(`icons/${size}x${size}.png`, png);
  write('icon.ico', encodeIco(icoSizes.map((size) => ({ size, png: appPngs.get(size) }))));
  write('icon.icns', encodeIcns(appPngs));

  for (const state of Object.keys(trayStates)) {
    write(`tray/tray-${state}.png`, encodePng(render(16, trayLayers(state))));
    write(`tray/tray-${state}@2x.png`, encodePng(render(32, trayLayers(state))));
    write(`tray/tray-${state}Template.png`, encodePng(render(16, trayTemplateLayers(state))));
    write(`tray/tray-${state}Template@2x.png`, encodePng(render(32, trayTemplateLayers(state))));
    write(`tray/tray-${state}.ico`, encodeIco(trayIcoSizes.map((size) => ({ size, png: encodePng(render(size, trayLayers(state))) }))));
  }
  console.log(`icons written to ${outDir}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  main(path.resolve(process.argv[2] ?? 'assets'));
}
