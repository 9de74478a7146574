import type { CliIo } from './cli-io';
import { UsageError } from './exit-codes';

/**
 * Asks before something that cannot be undone. `--yes` answers for scripts; without a terminal and
 * without `--yes` nobody can answer, which is a usage error rather than a silent yes or no.
 */
export async function confirm(io: CliIo, question: string, yes: boolean): Promise<boolean> {
  if (yes) return true;
  if (!io.stdinIsTty) throw new UsageError('No terminal to ask for confirmation: add --yes to confirm from a script.');
  const answer = await io.prompt(`${question} [y/N] `);
  return answer !== null && /^(y|yes)$/i.test(answer.trim());
}
