import { findingFor } from '../catalogue/catalogue';
import type { FindingCode } from '../catalogue/catalogue';
import type { KeychainProblem } from '../check-dependencies';
import type { Check } from './check';
import { findingContextOf, outcome, skipped } from './check';

const codeFor: Record<KeychainProblem, FindingCode> = {
  unavailable: 'GP-KEYCHAIN-UNAVAILABLE',
  locked: 'GP-KEYCHAIN-LOCKED',
  denied: 'GP-KEYCHAIN-DENIED',
};

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
    const code = codeFor[result.problem ?? 'unavailable'];
    const finding = findingFor(code, findingContextOf(context), {
      keychainBackend: result.backend,
      keychainMessage: result.message,
      keychainFix: result.fix,
    });
    return outcome('fail', finding.title, [`Backend: ${result.backend}`, `Error: ${result.message}`], finding);
  },
};
