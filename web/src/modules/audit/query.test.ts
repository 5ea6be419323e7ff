import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { auditFilters, auditParams, auditQuery, hasFilters } from './query';

describe('the audit log filters in the URL', () => {
  it('reads valid filters and leaves out the rest', () => {
    const params = new URLSearchParams(
      'action=customer.export&actor_id=12&customer_id=x&from=2026-03-01&to=2026-02-30&limit=50',
    );
    expect(auditFilters(params)).toEqual({
      action: 'customer.export',
      actor_id: 12,
      customer_id: undefined,
      from: '2026-03-01',
      to: undefined,
    });
    expect(auditFilters(new URLSearchParams('action=DROP TABLE')).action).toBeUndefined();
    expect(hasFilters(auditFilters(new URLSearchParams('limit=50')))).toBe(false);
  });

  it('writes them back without defaults', () => {
    expect(auditParams({ action: 'access.denied', customer_id: 7 }, 20).toString()).toBe(
      'action=access.denied&customer_id=7',
    );
    expect(auditParams({}, 50).toString()).toBe('limit=50');
  });

  it('asks for whole days in the browser’s time zone, the last day included', () => {
    const query = auditQuery({ from: '2026-03-01', to: '2026-03-02', actor_id: 3 });
    expect(query.actor_id).toBe(3);
    expect(query.from).toBe(dayjs('2026-03-01T00:00:00').toISOString());
    expect(query.to).toBe(dayjs('2026-03-03T00:00:00').toISOString());
    expect(auditQuery({}).from).toBeUndefined();
  });
});
