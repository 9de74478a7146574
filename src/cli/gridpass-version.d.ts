/** The package version, replaced at build time (scripts/build.mjs) and in tests (vitest.config.ts). */
declare const __GRIDPASS_VERSION__: string;
