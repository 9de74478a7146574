import { parseSiteAddress, type SiteAddress } from '../site/site-address';
import { UsageError } from './exit-codes';

/** A site address from the command line, or a usage error in the parser's own plain words. */
export function siteArgument(input: string | undefined, option = '--site'): SiteAddress {
  if (input === undefined) throw new UsageError(`Give the site address with ${option}, for example ${option} mystudio.shotgrid.autodesk.com.`);
  const parsed = parseSiteAddress(input);
  if (!parsed.ok) throw new UsageError(parsed.error.message);
  return parsed.site;
}
