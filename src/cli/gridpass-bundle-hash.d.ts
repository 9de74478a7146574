/** The content hash of out/cli/gridpass-cli.cjs, given to the launcher at build time (scripts/build.mjs). */
declare const __GRIDPASS_CLI_BUNDLE_HASH__: string;
