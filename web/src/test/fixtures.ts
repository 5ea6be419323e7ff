// Shared test data: the permissions GET /auth/me grants each demo role (README's "Who may do
// what" table) and users to sign in as.
import type { Permission, Role, User } from '../api/types';

export const PERMISSIONS_BY_ROLE: Record<Role, Permission[]> = {
  admin: [
    'customer.create',
    'customer.update',
    'customer.assign',
    'customer.delete',
    'contact.write',
    'account_team.write',
    'user.read',
    'user.manage',
    'org.manage',
    'audit.read',
    'data.import',
    'tiering.manage',
    'interaction.write',
    'cadence.manage',
    'access_alert.manage',
    'user.handover',
    'handover.read',
    'review.manage',
  ],
  executive: ['user.read', 'handover.read'],
  director: [
    'customer.create',
    'customer.update',
    'customer.assign',
    'contact.write',
    'account_team.write',
    'user.read',
    'interaction.write',
    'user.handover',
    'handover.read',
    'review.manage',
  ],
  kam: ['customer.create', 'customer.update', 'contact.write', 'interaction.write'],
  assistant: ['customer.create', 'customer.update', 'contact.write', 'interaction.write'],
  specialist: [
    'customer.create',
    'customer.update',
    'customer.assign',
    'customer.delete',
    'contact.write',
    'account_team.write',
    'user.read',
    'audit.read',
    'data.import',
    'tiering.manage',
    'interaction.write',
    'cadence.manage',
    'access_alert.manage',
    'handover.read',
  ],
  service: ['customer.update', 'contact.write', 'interaction.write'],
  sales: ['customer.create', 'customer.update', 'contact.write', 'interaction.write'],
};

/** A user record as GET /users/{id} answers it. */
export function makeUser(fields: Partial<User> & Pick<User, 'id'>): User {
  return {
    username: `user${fields.id}`,
    display_name: `User ${fields.id}`,
    role: 'kam',
    org_unit_id: 1,
    active: true,
    email: '',
    phone: '',
    locale: 'en-US',
    version: 1,
    created_at: '2026-01-05T08:00:00Z',
    updated_at: '2026-01-05T08:00:00Z',
    last_login_at: null,
    ...fields,
  } as User;
}
