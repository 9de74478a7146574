import { keychainSelfTestFinding } from '../keychain-finding';
import type { Check } from './check';
import { findingContextOf, outcome, skipped } from './check';

export const keychainCheck: Check = {
  id: 'keychain',
  name: 'Keychain',
  gatesLaterChecks: false,
  async run(context) {
    const selfTest = context.deps.keychainSelfTest;
    if (selfTest === null) return skipped('keychain not used here');
    const result = await selfTest();
    if (result.ok) {
      return outcome('pass', `${result.backend} works (${Math.round(result.durationMs)} ms to write, read and delete a test entry)`, [`Backend: ${result.backend}`]);
    }
    const finding = keychainSelfTestFinding(result, findingContextOf(context));
    const details = [`Backend: ${result.backend}`, `Error: ${result.message}`];
    if (context.target.needsKeychain === true) return outcome('fail', finding.title, details, finding);
    return outcome('warn', `${finding.title} (not needed for this run)`, details, finding);
  },
};
