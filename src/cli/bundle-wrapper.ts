/**
 * The CLI bundle file holds its CommonJS module already in the function Node would wrap it in, so the
 * launcher compiles the file as read (code-cache.ts). Wrapping it at start instead would copy the whole
 * script once more in every run, and that copy alone brought on a garbage collection in each
 * `gridpass session`. The build (scripts/build.mjs) writes the file with `wrapAsBundle`.
 */
export const BUNDLE_HEAD = '(function (exports, require, module, __filename, __dirname) {';
const BUNDLE_TAIL = '\n})';

/** A CommonJS module's code as the bundle file holds it: an expression whose value is the module's function. */
export function wrapAsBundle(moduleCode: string): string {
  return `${BUNDLE_HEAD}${moduleCode}${BUNDLE_TAIL}`;
}
