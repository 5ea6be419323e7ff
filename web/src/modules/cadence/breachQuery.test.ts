import { describe, expect, it } from 'vitest';
import { breachQueryParams, parseBreachQuery } from './breachQuery';

describe('the breach list’s URL', () => {
  it.each([
    ['', { limit: 20 }],
    ['kind=overdue', { kind: 'overdue', limit: 20 }],
    [
      'kind=over_contacted&owner_id=8&org_unit_id=6&limit=50',
      {
        kind: 'over_contacted',
        owner_id: 8,
        org_unit_id: 6,
        limit: 50,
      },
    ],
    ['kind=late&owner_id=-3&org_unit_id=x&limit=7', { limit: 20 }], // nonsense is dropped
  ])('?%s', (search, query) => {
    const parsed = parseBreachQuery(new URLSearchParams(search));
    expect(parsed).toEqual({
      kind: undefined,
      owner_id: undefined,
      org_unit_id: undefined,
      ...query,
    });
  });

  it('round-trips, leaving defaults out', () => {
    const search = 'kind=overdue&owner_id=8&limit=100';
    expect(breachQueryParams(parseBreachQuery(new URLSearchParams(search))).toString()).toBe(
      search,
    );
    expect(breachQueryParams({ limit: 20 }).toString()).toBe('');
  });
});
