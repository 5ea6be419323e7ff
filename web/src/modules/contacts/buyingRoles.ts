import type { Contact } from '../../api/types';

export type BuyingRole = NonNullable<Contact['buying_role']>;

export const BUYING_ROLES: readonly BuyingRole[] = [
  'decision_maker',
  'influencer',
  'user',
  'gatekeeper',
];

export const BUYING_ROLE_COLORS: Record<BuyingRole, string> = {
  decision_maker: 'red',
  influencer: 'orange',
  user: 'blue',
  gatekeeper: 'purple',
};
