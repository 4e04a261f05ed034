import { badRequest } from '@/lib/errors';

export const FILTER_OPERATORS = [
  'equals',
  'not_equals',
  'less_than',
  'greater_than',
  'contains',
  'not_contains',
  'exists',
  'not_exists',
  'begins_with',
] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

/** One `field[operator]value` of a filters expression. */
export type FilterCondition = { field: string; operator: FilterOperator; value: string; text: string };

/** A filters expression as microCMS reads it: `[and]` binds tighter than `[or]`, so it is an OR of ANDs. */
export type FilterExpression = FilterCondition[][];

const CONDITION = /^([A-Za-z][A-Za-z0-9_]*)\[([a-z_]+)\]([\s\S]*)$/;

/**
 * Reads microCMS's `filters` parameter; a part it cannot read is a 400 that quotes it.
 * @example parseFilters('a[equals]1[or]b[exists][and]c[less_than]3') // [[a = 1], [b exists, c < 3]]
 */
export function parseFilters(text: string): FilterExpression {
  return text.split('[or]').map((alternative) => alternative.split('[and]').map(parseCondition));
}

function parseCondition(part: string): FilterCondition {
  const fail = (why: string) => badRequest(`filters: could not read "${part.slice(0, 200)}": ${why}`);
  if (!part) throw fail('a condition is empty (an [and] or [or] with nothing on one side)');
  const match = CONDITION.exec(part);
  if (!match) throw fail('expected field[operator]value, e.g. title[equals]Hello');
  const [, field, operator, value] = match;
  if (!(FILTER_OPERATORS as readonly string[]).includes(operator))
    throw fail(`[${operator}] is not an operator; use ${FILTER_OPERATORS.map((o) => `[${o}]`).join(', ')}`);
  const op = operator as FilterOperator;
  if ((op === 'exists' || op === 'not_exists') && value !== '') throw fail(`[${op}] takes no value`);
  if (op !== 'exists' && op !== 'not_exists' && value === '') throw fail(`[${op}] needs a value`);
  return { field, operator: op, value, text: part };
}

/** One key of `orders`: a name, descending when written with a leading `-`. */
export type OrderKey = { name: string; descending: boolean };

export const parseOrders = (names: string[]): OrderKey[] =>
  names.map((name) => (name.startsWith('-') ? { name: name.slice(1), descending: true } : { name, descending: false }));
