import type { Notification } from '../../api/types';

/**
 * Where a notification leads: its nomination or bulk-access alert; a contact record's (or
 * visit plan's) customer at its contact records (visit plans); else its customer; null when
 * nowhere.
 */
export function notificationPath(
  n: Pick<Notification, 'entity' | 'entity_id' | 'customer_id'>,
): string | null {
  if (n.entity === 'nomination' && n.entity_id !== null) return `/nominations/${n.entity_id}`;
  if (n.entity === 'access_alert' && n.entity_id !== null) return `/access-alerts/${n.entity_id}`;
  if (n.entity === 'interaction' && n.customer_id !== null) {
    return `/customers/${n.customer_id}?tab=interactions`;
  }
  if (n.entity === 'visit_plan' && n.customer_id !== null) {
    return `/customers/${n.customer_id}?tab=visits`;
  }
  if (n.customer_id !== null) return `/customers/${n.customer_id}`;
  return null;
}
