import type { Failure } from '../shotgrid/failure';

/**
 * The answers that count towards ShotGrid's lockout (ten in a row lock the account for an hour): a
 * refused passphrase and a refused 2FA code. A network failure or a missing code never counts.
 */
export const countedRefusals: ReadonlySet<Failure['kind']> = new Set<Failure['kind']>(['auth-rejected', 'two-factor-rejected']);
