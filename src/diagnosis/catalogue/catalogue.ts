import type { Finding } from '../finding';
import type { FindingContext, FindingFacts } from '../finding-context';
import { accountFindings } from './account-findings';
import { authFindings } from './auth-findings';
import { localFindings } from './local-findings';
import { networkFindings } from './network-findings';
import { sessionFindings } from './session-findings';
import { signInFindings } from './sign-in-findings';
import { siteFindings } from './site-findings';
import { tlsFindings } from './tls-findings';
import type { FindingBuilder } from './wording';

const catalogue = {
  ...networkFindings,
  ...tlsFindings,
  ...siteFindings,
  ...authFindings,
  ...accountFindings,
  ...localFindings,
  ...sessionFindings,
  ...signInFindings,
} satisfies Record<string, FindingBuilder>;

/** A stable code support staff can search for; never renamed once shipped. */
export type FindingCode = keyof typeof catalogue;

export const findingCodes: readonly FindingCode[] = Object.keys(catalogue) as FindingCode[];

export function isFindingCode(value: unknown): value is FindingCode {
  return typeof value === 'string' && Object.hasOwn(catalogue, value);
}

/** The finding for `code`, tailored to the site and person in `context`. */
export function findingFor(code: FindingCode, context: FindingContext, facts: FindingFacts = {}): Finding {
  const builder: FindingBuilder = catalogue[code];
  return { code, ...builder(context, facts) };
}

/** The finding for a login that the site accepted. */
export function findingForVerified(context: FindingContext): Finding {
  return findingFor('GP-OK', context);
}
