// Design notes: docs/content.md ("Querying").
import 'server-only';
import { and, asc, desc, eq, gt, gte, lt, not, or, sql, type SQL } from 'drizzle-orm';
import {
  beginsWithText,
  booleanParam,
  containsText,
  jsonBoolean,
  jsonHasValue,
  jsonNumber,
  jsonText,
} from '@/db/dialect';
import { contents } from '@/db/schema';
import { badRequest } from '@/lib/errors';
import type { FilterCondition, FilterExpression, OrderKey } from './parse-filters';
import type { ApiField } from './schemas';

type DateColumn = typeof contents.createdAt | typeof contents.updatedAt;

/** What a name in `filters` or `orders` stands for. */
type Target =
  | { kind: 'date'; column: DateColumn }
  | { kind: 'id' }
  | { kind: 'text' | 'number' | 'boolean' | 'media' | 'richEditor'; field: ApiField };

/** microCMS's date fields: Kura publishes on create, so publishedAt is createdAt and revisedAt is updatedAt. */
const DATE_COLUMNS = {
  createdAt: contents.createdAt,
  updatedAt: contents.updatedAt,
  publishedAt: contents.createdAt,
  revisedAt: contents.updatedAt,
} as const;

function targetOf(fields: ApiField[], name: string): Target | null {
  if (Object.hasOwn(DATE_COLUMNS, name))
    return { kind: 'date', column: DATE_COLUMNS[name as keyof typeof DATE_COLUMNS] };
  if (name === 'id') return { kind: 'id' };
  const field = fields.find((f) => f.id === name);
  if (!field) return null;
  switch (field.kind) {
    case 'text':
    case 'textArea':
      return { kind: 'text', field };
    case 'richEditor':
      return { kind: 'richEditor', field };
    case 'number':
      return { kind: 'number', field };
    case 'boolean':
      return { kind: 'boolean', field };
    default:
      return { kind: 'media', field };
  }
}

const known = (fields: ApiField[]) =>
  ['id', ...Object.keys(DATE_COLUMNS), ...fields.map((f) => f.id)].map((n) => `"${n}"`).join(', ');

/** The WHERE condition of a filters expression: an OR of ANDs, every value a bound parameter. */
export function filterCondition(fields: ApiField[], expression: FilterExpression): SQL {
  const alternatives = expression.map((all) => and(...all.map((c) => conditionOf(fields, c)))!);
  return alternatives.length === 1 ? alternatives[0] : or(...alternatives)!;
}

/** Also true where the value is absent, as "not equal" reads: `x IS NOT TRUE`. */
const isNotTrue = (condition: SQL) => sql`(${condition}) is not true`;

function conditionOf(fields: ApiField[], c: FilterCondition): SQL {
  const fail = (why: string) => badRequest(`filters: could not read "${c.text.slice(0, 200)}": ${why}`);
  const target = targetOf(fields, c.field);
  if (!target) throw fail(`there is no field "${c.field}"; this API has ${known(fields)}`);
  const refuse = () => fail(`[${c.operator}] does not apply to ${describe(target)}`);
  if (target.kind === 'date') return dateCondition(target.column, c, fail, refuse);
  if (target.kind === 'id') {
    if (c.operator === 'exists') return sql`1 = 1`;
    if (c.operator === 'not_exists') return sql`1 = 0`;
    return textCondition(contents.id, c, refuse);
  }
  const { field } = target;
  if (c.operator === 'exists') return jsonHasValue(contents.data, field.id);
  if (c.operator === 'not_exists') return not(jsonHasValue(contents.data, field.id));
  switch (target.kind) {
    case 'text':
      return textCondition(jsonText(contents.data, field.id), c, refuse);
    case 'number': {
      const value = Number(c.value);
      if (c.value.trim() === '' || !Number.isFinite(value)) throw fail(`"${c.value}" is not a number`);
      const column = jsonNumber(contents.data, field.id);
      if (c.operator === 'equals') return sql`${column} = ${value}`;
      if (c.operator === 'not_equals') return isNotTrue(sql`${column} = ${value}`);
      if (c.operator === 'less_than') return sql`${column} < ${value}`;
      if (c.operator === 'greater_than') return sql`${column} > ${value}`;
      throw refuse();
    }
    case 'boolean': {
      if (c.value !== 'true' && c.value !== 'false') throw fail(`"${c.value}" is not true or false`);
      const same = sql`${jsonBoolean(contents.data, field.id)} = ${booleanParam(c.value === 'true')}`;
      if (c.operator === 'equals') return same;
      if (c.operator === 'not_equals') return isNotTrue(same);
      throw refuse();
    }
    default:
      throw refuse();
  }
}

function textCondition(column: SQL | typeof contents.id, c: FilterCondition, refuse: () => Error): SQL {
  switch (c.operator) {
    case 'equals':
      return sql`${column} = ${c.value}`;
    case 'not_equals':
      return isNotTrue(sql`${column} = ${c.value}`);
    case 'contains':
      return containsText(column, c.value);
    case 'not_contains':
      return isNotTrue(containsText(column, c.value));
    case 'begins_with':
      return beginsWithText(column, c.value);
    default:
      throw refuse();
  }
}

// 2024, 2024-05, 2024-05-01, 2024-05-01T10:00[:00[.000]][Z|±hh:mm]; a time without a zone is UTC.
const DATE =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

function dateCondition(column: DateColumn, c: FilterCondition, fail: (why: string) => Error, refuse: () => Error): SQL {
  const match = DATE.exec(c.value);
  const parsed = match && parseDate(c.value, match);
  if (!match || !parsed || Number.isNaN(parsed.getTime()))
    throw fail(`"${c.value}" is not a date (e.g. 2024-05-01 or 2024-05-01T10:00:00Z)`);
  switch (c.operator) {
    case 'equals':
      return eq(column, parsed);
    case 'not_equals':
      return not(eq(column, parsed));
    case 'less_than':
      return lt(column, parsed);
    case 'greater_than':
      return gt(column, parsed);
    case 'begins_with': {
      // microCMS's publishedAt[begins_with]2019-11: the month (or year, or day) as a range of instants in UTC.
      if (match[4] !== undefined) throw fail('[begins_with] on a date takes a year, a month or a day (2019-11)');
      const [year, month, day] = [
        Number(match[1]),
        match[2] ? Number(match[2]) - 1 : null,
        match[3] ? Number(match[3]) : null,
      ];
      const end =
        day !== null
          ? new Date(Date.UTC(year, month!, day + 1))
          : month !== null
            ? new Date(Date.UTC(year, month + 1, 1))
            : new Date(Date.UTC(year + 1, 0, 1));
      return and(gte(column, parsed), lt(column, end))!;
    }
    default:
      throw refuse();
  }
}

function parseDate(text: string, match: RegExpExecArray): Date | null {
  const [, , month, day, hour, , , zone] = match;
  if (month && (Number(month) < 1 || Number(month) > 12)) return null;
  if (day && (Number(day) < 1 || Number(day) > 31)) return null;
  const iso = hour !== undefined ? text.replace(' ', 'T') + (zone ? '' : 'Z') : text;
  return new Date(iso);
}

const describe = (target: Target): string =>
  target.kind === 'date'
    ? 'a date'
    : target.kind === 'id'
      ? 'the id'
      : target.kind === 'media'
        ? `the media field "${target.field.id}" (it takes [exists] and [not_exists])`
        : `the ${target.kind === 'richEditor' ? 'rich-editor' : target.kind} field "${target.field.id}"`;

/** The ORDER BY of `orders` (dates, id, text, number and boolean fields), id last as the tie-breaker. */
export function orderBy(fields: ApiField[], keys: OrderKey[]): SQL[] {
  if (keys.length === 0) return [desc(contents.createdAt), desc(contents.id)];
  if (keys.length > 5) throw badRequest('orders: at most 5 keys');
  const terms = keys.map((key) => {
    const target = targetOf(fields, key.name);
    if (!target) throw badRequest(`orders: there is no field "${key.name}"; this API has ${known(fields)}`);
    const column =
      target.kind === 'date'
        ? target.column
        : target.kind === 'id'
          ? contents.id
          : target.kind === 'text'
            ? jsonText(contents.data, target.field.id)
            : target.kind === 'number'
              ? jsonNumber(contents.data, target.field.id)
              : target.kind === 'boolean'
                ? jsonBoolean(contents.data, target.field.id)
                : null;
    if (!column)
      throw badRequest(`orders: cannot sort by ${describe(target)}; sort by a date, text, number or boolean`);
    // Absent values last, whichever the direction, on both engines.
    return key.descending ? sql`${column} desc nulls last` : sql`${column} asc nulls last`;
  });
  const last = keys[keys.length - 1];
  return [...terms, last.descending ? desc(contents.id) : asc(contents.id)];
}

/** The names `fields` may pick: id, the dates and every field of the API; an unknown one is a 400. */
export function checkFieldNames(fields: ApiField[], names: string[]): string[] {
  for (const name of names) {
    if (name !== 'id' && !Object.hasOwn(DATE_COLUMNS, name) && !fields.some((f) => f.id === name))
      throw badRequest(`fields: there is no field "${name.slice(0, 100)}"; this API has ${known(fields)}`);
  }
  return names;
}
