import { request, setCsrfToken } from '../../api/client';
import type { LoginResult, Me, PasswordChange } from '../../api/types';

export async function login(username: string, password: string): Promise<LoginResult> {
  const result = await request<LoginResult>('POST', '/auth/login', {
    body: { username, password },
  });
  setCsrfToken(result.csrf_token);
  return result;
}

export async function logout(): Promise<void> {
  await request<undefined>('POST', '/auth/logout');
  setCsrfToken(null);
}

export async function fetchMe(): Promise<Me> {
  const me = await request<Me>('GET', '/auth/me');
  if (me.csrf_token) setCsrfToken(me.csrf_token);
  return me;
}

export function changePassword(body: PasswordChange): Promise<void> {
  return request<undefined>('POST', '/auth/password', { body });
}
