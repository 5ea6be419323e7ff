// Lets code outside React (the query client's error hooks) show notifications through the
// antd App context, which carries the theme and locale. FeedbackBridge registers it.
import type { NotificationInstance } from 'antd/es/notification/interface';

let instance: NotificationInstance | null = null;

export function setNotifier(next: NotificationInstance | null): void {
  instance = next;
}

export function notifyError(title: string, description?: string): void {
  instance?.error({ message: title, description, placement: 'topRight' });
}
