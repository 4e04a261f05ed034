import { describe, expect, it } from 'vitest';
import { parseFilters, parseOrders } from '@/lib/content/parse-filters';

describe('parseFilters', () => {
  it('reads one condition', () => {
    expect(parseFilters('title[equals]Hello')).toEqual([
      [{ field: 'title', operator: 'equals', value: 'Hello', text: 'title[equals]Hello' }],
    ]);
  });

  it('binds [and] tighter than [or]', () => {
    const parsed = parseFilters('a[equals]1[or]b[exists][and]c[less_than]3');
    expect(parsed.map((all) => all.map((c) => `${c.field} ${c.operator} ${c.value}`))).toEqual([
      ['a equals 1'],
      ['b exists ', 'c less_than 3'],
    ]);
  });

  it('keeps a value as written, brackets and commas included', () => {
    expect(parseFilters('title[contains]a,b [x] 日本')[0][0].value).toBe('a,b [x] 日本');
  });

  it.each([
    ['title[equal]x', 'could not read "title[equal]x": [equal] is not an operator'],
    ['title=x', 'could not read "title=x": expected field[operator]value'],
    ['title[exists]yes', 'could not read "title[exists]yes": [exists] takes no value'],
    ['title[equals]', 'could not read "title[equals]": [equals] needs a value'],
    ['a[equals]1[and]', 'a condition is empty'],
    ['[or]a[equals]1', 'a condition is empty'],
  ])('refuses %s naming the part', (text, message) => {
    expect(() => parseFilters(text)).toThrow(message);
  });
});

describe('parseOrders', () => {
  it('reads - as descending', () => {
    expect(parseOrders(['-publishedAt', 'title'])).toEqual([
      { name: 'publishedAt', descending: true },
      { name: 'title', descending: false },
    ]);
  });
});
