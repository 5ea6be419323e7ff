import { request } from '../../api/client';
import type { Preferences } from '../../api/types';

export function fetchPreferences(): Promise<Preferences> {
  return request<Preferences>('GET', '/auth/me/preferences');
}

export function savePreferences(next: Preferences): Promise<Preferences> {
  const { version, ...body } = next;
  return request<Preferences>('PUT', '/auth/me/preferences', { body, ifMatch: version });
}
