import { isRecord } from '../text/json-record';
import type { Api3Auth, Api3Request } from './api3-call';
import type { FaultContext } from './api3-fault';
import type { Failure } from './failure';

/**
 * An API3 `read` of the first entity where `field is value`, shaped exactly as the Python API's
 * `find_one` sends it, so the server sees nothing unusual.
 */
export function readOneRequest(query: {
  entityType: string;
  field: string;
  value: string;
  returnFields: readonly string[];
  auth: Api3Auth;
  faultContext?: FaultContext;
}): Api3Request {
  return {
    method: 'read',
    auth: query.auth,
    params: {
      type: query.entityType,
      return_fields: query.returnFields,
      filters: {
        logical_operator: 'and',
        conditions: [{ path: query.field, relation: 'is', values: [query.value] }],
      },
      return_only: 'active',
      paging: { entities_per_page: 1, current_page: 1 },
      api_return_image_urls: true,
      return_paging_info_without_counts: false,
    },
    faultContext: query.faultContext,
  };
}

type EntityResult = { ok: true; entity: Record<string, unknown> | null } | { ok: false; failure: Failure };

/** The first entity of a `read` reply (`{entities:[…]}`), `null` when none matched. */
export function firstEntity(results: unknown): EntityResult {
  if (!isRecord(results) || !Array.isArray(results.entities)) {
    return { ok: false, failure: { kind: 'malformed', detail: 'The read reply has no list of entities.' } };
  }
  const [entity] = results.entities as unknown[];
  if (entity === undefined) {
    return { ok: true, entity: null };
  }
  if (!isRecord(entity) || typeof entity.id !== 'number') {
    return { ok: false, failure: { kind: 'malformed', detail: 'The read reply has an entity without an id.' } };
  }
  return { ok: true, entity };
}
