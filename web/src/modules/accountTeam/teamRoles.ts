import type { Role, TeamRole } from '../../api/types';

/** The parts a member may play in an account team (客户服务团队), in the server's order. */
export const TEAM_ROLES: readonly TeamRole[] = [
  'assistant',
  'specialist',
  'sales',
  'service',
  'technical',
  'finance',
  'other',
];

export const TEAM_ROLE_COLORS: Record<TeamRole, string> = {
  assistant: 'blue',
  specialist: 'purple',
  sales: 'green',
  service: 'cyan',
  technical: 'geekblue',
  finance: 'orange',
  other: 'default',
};

/** The team role a user's own role suggests (a KAM assistant assists), if any. */
export function suggestedTeamRole(role: Role): TeamRole | undefined {
  switch (role) {
    case 'assistant':
    case 'specialist':
    case 'sales':
    case 'service':
      return role;
    default:
      return undefined;
  }
}
