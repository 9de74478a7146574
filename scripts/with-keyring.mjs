// Runs one command inside the same private D-Bus session with an unlocked gnome-keyring that
// `npm test` uses, for running a single suite by hand: `node scripts/with-keyring.mjs npx vitest run test/integration/vault`.
import { spawnSync } from 'node:child_process';
import { ensureKeyringSession } from './keyring-session.mjs';

ensureKeyringSession();
const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node scripts/with-keyring.mjs COMMAND [ARGS...]');
  process.exit(2);
}
const result = spawnSync(command, args, { stdio: 'inherit' });
process.exit(result.status ?? 1);
