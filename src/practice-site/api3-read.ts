import type { AccountBook } from './account-book';
import { isObject } from './json-shapes';
import { ENTITY_FIELDS, entityRows, isReadableType } from './entity-rows';
import type { EntityRow, ReadableType } from './entity-rows';
import { maxEntitiesPerPage } from './site-info';

type ReadResult =
  | { ok: true; entities: Record<string, unknown>[]; pagingInfo: Record<string, unknown> }
  | { ok: false; message: string };

type Predicate = (row: EntityRow) => boolean;
type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * API3 `read` for HumanUser and ApiUser, as python-api's `find` sends it: `filters` as a tree of
 * `logical_operator` + `conditions`, `return_fields`, `return_only`, `sorts` and `paging`. Without `sorts`
 * rows come in id order.
 * The refusal messages are OURS (no API3 capture of them exists); clients see them as a 103 fault.
 */
export function runRead(book: AccountBook, params: unknown): ReadResult {
  if (!isObject(params)) return fail('API read() expects its parameters as an object.');
  const type = params['type'];
  if (!isReadableType(type)) {
    return fail(`API read() entity type ${JSON.stringify(type)} is not available on the practice site (HumanUser and ApiUser are).`);
  }
  const filter = parseGroup(type, params['filters'] ?? { logical_operator: 'and', conditions: [] });
  if (!filter.ok) return filter;
  const only = parseReturnOnly(params['return_only']);
  if (!only.ok) return only;
  const paging = parsePaging(params['paging']);
  if (!paging.ok) return paging;
  const fields = parseReturnFields(type, params['return_fields']);
  if (!fields.ok) return fields;
  const order = parseSorts(type, params['sorts']);
  if (!order.ok) return order;

  const matching = entityRows(book, type)
    .filter((row) => row.retired === (only.value === 'retired') && filter.value(row))
    .sort(order.value);
  const { perPage, page } = paging.value;
  const start = (page - 1) * perPage;
  const pageRows = matching.slice(start, start + perPage);
  const hasNextPage = start + perPage < matching.length;
  const pagingInfo: Record<string, unknown> = params['return_paging_info_without_counts'] === true
    ? { has_next_page: hasNextPage }
    : { entity_count: matching.length, has_next_page: hasNextPage };
  return { ok: true, entities: pageRows.map((row) => project(row, fields.value)), pagingInfo };
}

function parseGroup(type: ReadableType, value: unknown): Parsed<Predicate> {
  if (!isObject(value) || !Array.isArray(value['conditions'])) {
    return fail('API read() filters must be an object with "logical_operator" and a "conditions" list.');
  }
  const operator = value['logical_operator'] ?? 'and';
  if (operator !== 'and' && operator !== 'or') {
    return fail(`API read() unknown logical_operator ${JSON.stringify(operator)}: use "and" or "or".`);
  }
  const parts: Predicate[] = [];
  for (const condition of value['conditions'] as unknown[]) {
    const parsed = isObject(condition) && 'conditions' in condition ? parseGroup(type, condition) : parseCondition(type, condition);
    if (!parsed.ok) return parsed;
    parts.push(parsed.value);
  }
  const predicate: Predicate = operator === 'and'
    ? (row) => parts.every((part) => part(row))
    : (row) => parts.some((part) => part(row));
  return { ok: true, value: predicate };
}

function parseCondition(type: ReadableType, value: unknown): Parsed<Predicate> {
  if (!isObject(value) || typeof value['path'] !== 'string' || typeof value['relation'] !== 'string' || !Array.isArray(value['values'])) {
    return fail('API read() each condition needs "path", "relation" and a "values" list.');
  }
  const path = value['path'];
  const relation = value['relation'];
  const values = value['values'] as unknown[];
  if (!ENTITY_FIELDS[type].includes(path)) return fail(`API read() ${type}.${path} doesn't exist.`);
  const test = relationTest(relation, values);
  if (test === null) return fail(`API read() unknown relation '${relation}' on ${type}.${path}.`);
  return { ok: true, value: (row) => test(row.fields[path]) };
}

/** The relations the practice site understands; text compares case-insensitively, as ShotGrid does. */
function relationTest(relation: string, values: readonly unknown[]): ((field: unknown) => boolean) | null {
  const first = values[0];
  switch (relation) {
    case 'is':
      return (field) => same(field, first);
    case 'is_not':
      return (field) => !same(field, first);
    case 'in':
      return (field) => values.some((candidate) => same(field, candidate));
    case 'not_in':
      return (field) => !values.some((candidate) => same(field, candidate));
    case 'contains':
      return (field) => textOf(field).includes(textOf(first));
    case 'not_contains':
      return (field) => !textOf(field).includes(textOf(first));
    case 'starts_with':
      return (field) => textOf(field).startsWith(textOf(first));
    case 'ends_with':
      return (field) => textOf(field).endsWith(textOf(first));
    case 'greater_than':
      return (field) => compare(field, first) > 0;
    case 'less_than':
      return (field) => compare(field, first) < 0;
    case 'between':
      // python-api sends `[low, high]`; both ends are included.
      return (field) => compare(field, first) >= 0 && compare(field, values[1]) <= 0;
    case 'not_between':
      return (field) => !(compare(field, first) >= 0 && compare(field, values[1]) <= 0);
    default:
      return null;
  }
}

function same(field: unknown, wanted: unknown): boolean {
  if (isObject(field) && isObject(wanted)) return field['type'] === wanted['type'] && field['id'] === wanted['id'];
  if (typeof field === 'string' && typeof wanted === 'string') return field.toLowerCase() === wanted.toLowerCase();
  return field === wanted;
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? value.toLowerCase() : '';
}

function compare(field: unknown, wanted: unknown): number {
  if (typeof field === 'number' && typeof wanted === 'number') return field - wanted;
  if (typeof field === 'string' && typeof wanted === 'string') return field.localeCompare(wanted);
  return Number.NaN;
}

type Order = (a: EntityRow, b: EntityRow) => number;

/** `sorts: [{field_name, direction}]` as python-api sends `order`; ties fall back to id order. */
function parseSorts(type: ReadableType, value: unknown): Parsed<Order> {
  if (value === undefined) return { ok: true, value: byId };
  if (!Array.isArray(value)) return fail('API read() sorts must be a list of {"field_name", "direction"} objects.');
  const keys: Order[] = [];
  for (const sort of value as unknown[]) {
    if (!isObject(sort) || typeof sort['field_name'] !== 'string') {
      return fail('API read() each sort needs a "field_name" and a "direction" of "asc" or "desc".');
    }
    const name = sort['field_name'];
    const direction = sort['direction'] ?? 'asc';
    if (direction !== 'asc' && direction !== 'desc') return fail(`API read() sort direction must be "asc" or "desc", not ${JSON.stringify(direction)}.`);
    if (!ENTITY_FIELDS[type].includes(name)) return fail(`API read() ${type}.${name} doesn't exist.`);
    const sign = direction === 'asc' ? 1 : -1;
    keys.push((a, b) => sign * sortCompare(a.fields[name], b.fields[name]));
  }
  return { ok: true, value: (a, b) => keys.reduce((result, key) => result || key(a, b), 0) || byId(a, b) };
}

function byId(a: EntityRow, b: EntityRow): number {
  return (a.fields['id'] as number) - (b.fields['id'] as number);
}

/** Empty values sort first, text case-insensitively, linked entities by name. */
function sortCompare(a: unknown, b: unknown): number {
  const key = (value: unknown): unknown => (isObject(value) ? value['name'] : typeof value === 'string' ? value.toLowerCase() : value);
  const left = key(a);
  const right = key(b);
  if (left === right) return 0;
  if (left === null || left === undefined) return -1;
  if (right === null || right === undefined) return 1;
  if (typeof left === 'boolean' && typeof right === 'boolean') return Number(left) - Number(right);
  const compared = compare(left, right);
  return Number.isNaN(compared) ? 0 : compared;
}

function parseReturnOnly(value: unknown): Parsed<'active' | 'retired'> {
  if (value === undefined || value === 'active' || value === 'retired') return { ok: true, value: value ?? 'active' };
  return fail(`API read() return_only must be "active" or "retired", not ${JSON.stringify(value)}.`);
}

function parsePaging(value: unknown): Parsed<{ perPage: number; page: number }> {
  const max = maxEntitiesPerPage();
  if (value === undefined) return { ok: true, value: { perPage: max, page: 1 } };
  if (!isObject(value)) return fail('API read() paging must be an object.');
  const perPage = value['entities_per_page'] ?? max;
  const page = value['current_page'] ?? 1;
  if (!isPositiveInteger(perPage) || !isPositiveInteger(page)) {
    return fail('API read() paging needs positive whole numbers for entities_per_page and current_page.');
  }
  return { ok: true, value: { perPage: Math.min(perPage, max), page } };
}

function parseReturnFields(type: ReadableType, value: unknown): Parsed<readonly string[]> {
  if (value === undefined) return { ok: true, value: [] };
  if (!Array.isArray(value) || !value.every((field) => typeof field === 'string')) {
    return fail('API read() return_fields must be a list of field names.');
  }
  // Unknown return fields are dropped silently, as a live site does.
  return { ok: true, value: (value as string[]).filter((field) => ENTITY_FIELDS[type].includes(field)) };
}

function project(row: EntityRow, fields: readonly string[]): Record<string, unknown> {
  const entity: Record<string, unknown> = { type: row.fields['type'], id: row.fields['id'] };
  for (const field of fields) entity[field] = row.fields[field];
  return entity;
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

function fail(message: string): { ok: false; message: string } {
  return { ok: false, message };
}
