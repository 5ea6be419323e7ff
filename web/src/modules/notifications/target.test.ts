import { describe, expect, it } from 'vitest';
import { notificationPath } from './target';

describe('where a notification leads', () => {
  it.each([
    [{ entity: 'nomination', entity_id: 31, customer_id: 17 }, '/nominations/31'],
    [{ entity: 'nomination', entity_id: null, customer_id: 17 }, '/customers/17'],
    [{ entity: 'customer', entity_id: 17, customer_id: 17 }, '/customers/17'],
    [{ entity: 'interaction', entity_id: 5, customer_id: 17 }, '/customers/17?tab=interactions'],
    [{ entity: 'visit_plan', entity_id: 79, customer_id: 17 }, '/customers/17?tab=visits'],
    [{ entity: 'system', entity_id: null, customer_id: null }, null],
    [{ entity: 'access_alert', entity_id: 5, customer_id: null }, '/access-alerts/5'],
    [{ entity: 'access_alert', entity_id: null, customer_id: null }, null],
  ])('%j → %s', (note, path) => {
    expect(notificationPath(note)).toBe(path);
  });
});
