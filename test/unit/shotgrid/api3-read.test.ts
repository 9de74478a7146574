import { describe, expect, it } from 'vitest';
import { firstEntity, readOneRequest } from '../../../src/shotgrid/api3-read';

describe('readOneRequest', () => {
  it('builds the read the Python API sends for find_one', () => {
    expect(readOneRequest({ entityType: 'ApiUser', field: 'firstname', value: 'tool', returnFields: ['id'], auth: { script_name: 'tool', script_key: 'k' } })).toEqual({
      method: 'read',
      auth: { script_name: 'tool', script_key: 'k' },
      params: {
        type: 'ApiUser',
        return_fields: ['id'],
        filters: { logical_operator: 'and', conditions: [{ path: 'firstname', relation: 'is', values: ['tool'] }] },
        return_only: 'active',
        paging: { entities_per_page: 1, current_page: 1 },
        api_return_image_urls: true,
        return_paging_info_without_counts: false,
      },
      faultContext: undefined,
    });
  });
});

describe('firstEntity', () => {
  it('returns the first entity, or null when none matched', () => {
    expect(firstEntity({ entities: [{ type: 'HumanUser', id: 1 }, { type: 'HumanUser', id: 2 }] })).toEqual({ ok: true, entity: { type: 'HumanUser', id: 1 } });
    expect(firstEntity({ entities: [], paging_info: { has_next_page: false } })).toEqual({ ok: true, entity: null });
  });

  it.each([
    [null, 'The read reply has no list of entities.'],
    [{ entities: 'none' }, 'The read reply has no list of entities.'],
    [[{ id: 1 }], 'The read reply has no list of entities.'],
    [{ entities: [{ type: 'HumanUser' }] }, 'The read reply has an entity without an id.'],
    [{ entities: [{ type: 'HumanUser', id: '1' }] }, 'The read reply has an entity without an id.'],
  ])('reports %j as malformed', (results, detail) => {
    expect(firstEntity(results)).toEqual({ ok: false, failure: { kind: 'malformed', detail } });
  });
});
