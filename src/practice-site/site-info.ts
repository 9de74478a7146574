import type { LoginMethod } from '../shotgrid/login-method';

/** The server version the practice site reports: the one on the live site recorded in 2026. */
const PRACTICE_VERSION = [8, 89, 0] as const;
const PRACTICE_FULL_VERSION = [8, 89, 0, 9724] as const;
const PRACTICE_VERSION_LABEL = 'v8.89.0.9724 (build 47ec49f)';
const MAX_ENTITIES_PER_PAGE = 500;

export interface SiteIdentity {
  method: LoginMethod;
  siteName: string;
  siteId: string;
  appSessionLauncher: boolean;
}

/** The API3 `info` reply body (not wrapped; the caller decides). */
export function api3Info(site: SiteIdentity): Record<string, unknown> {
  return {
    version: [...PRACTICE_VERSION],
    full_version: [...PRACTICE_FULL_VERSION],
    user_authentication_method: site.method,
    // On by default since 8.0 (tk-core).
    unified_login_flow_enabled: true,
    authentication_app_session_launcher_enabled: site.appSessionLauncher,
    api_max_entities_per_page: MAX_ENTITIES_PER_PAGE,
    s3_uploads_enabled: true,
    s3_direct_uploads_enabled: true,
    s3_enabled_upload_types: { Version: ['sg_uploaded_movie'], Attachment: '*' },
    totango_site_id: site.siteId,
    totango_site_name: site.siteName,
  };
}

/** The `GET /api/v1` reply, in the shape recorded from a live site. */
export function restRoot(site: SiteIdentity): Record<string, unknown> {
  return {
    data: {
      shotgun_version: PRACTICE_VERSION_LABEL,
      api_version: '1.0',
      unified_login_flow_enabled: true,
      authentication_app_session_launcher_enabled: site.appSessionLauncher,
      user_authentication_method: site.method,
      site_id: site.siteId,
      site_name: site.siteName,
    },
  };
}

export function maxEntitiesPerPage(): number {
  return MAX_ENTITIES_PER_PAGE;
}
