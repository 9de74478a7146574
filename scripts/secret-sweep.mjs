// Every secret a test plants starts with "planted-", so a leak into anything the suites printed or
// wrote (reports, page dumps, JSON results) is found by a plain search afterwards. Test titles are
// printed too, so a planted value never goes into a title; input a test shows on purpose is named
// otherwise (e.g. "typed-secret-...").
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Any letter case: a site that echoes a request upper-cased (and Gridpass printing it) is a leak too.
// The prefix alone is the mark: escaped spellings (JSON, HTML, URL) change what follows it, not it. Fragments from
// inside the random part are left to the echo tests (test/integration/cli/echoed-secrets.test.ts).
const plantedSecret = /planted-/i;
const binaryFiles = /\.(png|jpe?g|webm|zip|gz)$/i;

/** Where a planted secret appeared: 'the test output' and/or file paths under `dir`. */
export function sweepForPlantedSecrets(output, dir) {
  const found = plantedSecret.test(output) ? ['the test output'] : [];
  for (const file of filesUnder(dir)) {
    if (!binaryFiles.test(file) && plantedSecret.test(readFileSync(file, 'utf8'))) found.push(file);
  }
  return found;
}

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]);
}
