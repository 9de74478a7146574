import type { CheckDependencies } from '../diagnosis/check-dependencies';
import { explainFailedLookup } from '../diagnosis/checks/dns-check';
import type { Finding } from '../diagnosis/finding';
import { findingForFailure, type FindingContext } from '../diagnosis/finding-catalogue';
import type { Failure } from '../shotgrid/failure';

/**
 * The finding for a failed try of a site. A name that did not resolve is not blamed on a typo before the
 * DNS check's own control lookup has shown that this computer can look up names at all (`GP-NET-NO-DNS`
 * otherwise: offline, broken DNS, VPN down).
 */
export async function siteFailureFinding(failure: Failure, context: FindingContext, resolveHost: CheckDependencies['resolveHost']): Promise<Finding> {
  if (failure.kind !== 'dns') return findingForFailure(failure, context);
  return (await explainFailedLookup(resolveHost, failure.host, null, context)).finding;
}
