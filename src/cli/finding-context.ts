import type { FindingContext } from '../diagnosis/finding-context';
import type { LoginMethod } from '../shotgrid/login-method';
import type { SiteAddress } from '../site/site-address';
import type { CliContext } from './cli-context';

/** Findings printed by the CLI give the command line fixes (environment variables, not OS settings). */
export function cliFindingContext(
  context: CliContext,
  site: SiteAddress | null,
  loginMethod: LoginMethod | null,
  extra: Partial<FindingContext> = {},
): FindingContext {
  return { loginMethod, site, networkStack: 'node', platform: context.platform, ...extra };
}
