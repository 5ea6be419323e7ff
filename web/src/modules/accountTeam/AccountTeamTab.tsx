import {
  DeleteOutlined,
  PlusOutlined,
  UsergroupAddOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { App, Avatar, Button, Card, Empty, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountTeamMember, Customer, User } from '../../api/types';
import { isApiError } from '../../api/client';
import { errorMessage } from '../../app/errors';
import { notifyError } from '../../app/notifier';
import { useCurrentSession } from '../../app/sessionContext';
import { ErrorState } from '../../ui/ErrorState';
import { formatDateTime } from '../../ui/format';
import { useOrgUnits } from '../orgUnits/api';
import { orgUnitNames } from '../orgUnits/tree';
import { OwnerHistoryCard } from '../handovers/OwnerHistoryCard';
import { useUsersById } from '../users/api';
import { AddTeamMemberModal } from './AddTeamMemberModal';
import { useAccountTeam, useApplyDefaultTeam, useRemoveTeamMember } from './api';
import { addedMembers, removeRefusal } from './rules';
import { TEAM_ROLE_COLORS } from './teamRoles';

type Props = { customer: Pick<Customer, 'id' | 'name' | 'owner_id' | 'owner_name'> };

/**
 * The account team (客户服务团队): the KAM who owns the customer, and the members who look
 * after it with them, by their part in the team. Administrators, KAM specialists and
 * directors (`account_team.write`) add and remove members and add the owner's default team;
 * everyone else reads. Below, the customer's earlier KAMs.
 */
export function AccountTeamTab({ customer }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { access, user: me } = useCurrentSession();
  const team = useAccountTeam(customer.id);
  const remove = useRemoveTeamMember(customer.id);
  const applyDefault = useApplyDefaultTeam(customer.id);
  const [adding, setAdding] = useState(false);
  const canWrite = access.can('account_team.write');
  const canReadUsers = access.can('user.read');
  const members = team.data ?? [];
  const users = useUsersById(
    members.map((m) => m.user_id).filter((id) => canReadUsers || id === me.id),
    true,
  );
  const units = orgUnitNames(useOrgUnits().data);

  const userOf = (id: number): User | null | undefined => (id === me.id ? me : users.byId.get(id));
  // Members carry their display name; the user record adds username, role and unit for
  // those who may read users.
  const nameOf = (id: number) =>
    members.find((m) => m.user_id === id)?.user_name ||
    userOf(id)?.display_name ||
    t('accountTeam.userNumber', { id: String(id) });

  const handleRemove = async (m: AccountTeamMember) => {
    const name = nameOf(m.user_id);
    try {
      await remove.mutateAsync(m.user_id);
      void message.success(t('accountTeam.removed', { name }));
    } catch (e) {
      const refusal = removeRefusal(e);
      notifyError(
        t('accountTeam.removeFailed'),
        refusal ? t(refusal, { name, customer: customer.name }) : errorMessage(t, e),
      );
    }
  };

  const handleApplyDefault = async () => {
    const owner = customer.owner_name ?? `#${customer.owner_id}`;
    try {
      const after = await applyDefault.mutateAsync();
      const added = addedMembers(members, after);
      void message.success(
        added.length
          ? t('defaultTeam.applied', {
              count: added.length,
              names: added
                .map((m) => m.user_name || t('accountTeam.userNumber', { id: String(m.user_id) }))
                .join(t('common.listSeparator')),
            })
          : t('defaultTeam.appliedNone', { owner }),
      );
    } catch (e) {
      notifyError(
        t('defaultTeam.applyFailed'),
        isApiError(e) && e.status === 409 ? t('defaultTeam.noOwner') : errorMessage(t, e),
      );
    }
  };

  if (team.isError) return <ErrorState error={team.error} onRetry={() => void team.refetch()} />;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('accountTeam.title')}
        data-testid="account-team"
        extra={
          canWrite && (
            <Space wrap>
              <Popconfirm
                title={t('defaultTeam.confirmApply', {
                  owner: customer.owner_name ?? `#${customer.owner_id}`,
                })}
                okText={t('defaultTeam.apply')}
                okButtonProps={{ 'data-testid': 'team-apply-default-ok' }}
                cancelText={t('common.cancel')}
                onConfirm={() => handleApplyDefault()}
                disabled={!customer.owner_id}
              >
                <Button
                  icon={<UsergroupAddOutlined />}
                  loading={applyDefault.isPending}
                  disabled={!customer.owner_id}
                  title={customer.owner_id ? undefined : t('defaultTeam.noOwner')}
                  data-testid="team-apply-default"
                >
                  {t('defaultTeam.apply')}
                </Button>
              </Popconfirm>
              <Button
                icon={<PlusOutlined />}
                onClick={() => setAdding(true)}
                data-testid="team-add"
              >
                {t('accountTeam.add')}
              </Button>
            </Space>
          )
        }
      >
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Space wrap size={[8, 4]} data-testid="team-owner">
            <Avatar size="small" icon={<UserOutlined />} />
            <Typography.Text strong>
              {customer.owner_name ??
                (customer.owner_id ? `#${customer.owner_id}` : t('accountTeam.noOwner'))}
            </Typography.Text>
            <Tag color="gold">{t('role.kam')}</Tag>
            {access.can('customer.assign') && (
              <Typography.Text type="secondary">{t('accountTeam.ownerHint')}</Typography.Text>
            )}
          </Space>
          {!users.isPending && members.some((m) => !m.user_name && userOf(m.user_id) == null) && (
            <Typography.Text type="secondary" data-testid="team-names-hidden">
              {t('accountTeam.namesHidden')}
            </Typography.Text>
          )}
          <Table<AccountTeamMember>
            rowKey="user_id"
            size="small"
            loading={team.isPending}
            dataSource={members}
            pagination={false}
            scroll={{ x: 'max-content' }}
            data-testid="team-members"
            locale={{
              emptyText: (
                <Empty
                  description={
                    customer.owner_name
                      ? t('accountTeam.noneAlone', { owner: customer.owner_name })
                      : t('accountTeam.none')
                  }
                />
              ),
            }}
            columns={[
              {
                key: 'member',
                title: t('accountTeam.member'),
                render: (_, m) => {
                  const user = userOf(m.user_id);
                  return (
                    <Space size={4} data-testid={`team-member-${m.user_id}`}>
                      <Typography.Text>{nameOf(m.user_id)}</Typography.Text>
                      {user && (
                        <Typography.Text type="secondary">({user.username})</Typography.Text>
                      )}
                      {user && !user.active && <Tag>{t('users.disabled')}</Tag>}
                    </Space>
                  );
                },
              },
              {
                key: 'team_role',
                title: t('accountTeam.teamRole'),
                render: (_, m) => (
                  <Tag color={TEAM_ROLE_COLORS[m.team_role]}>
                    {t(`accountTeam.role.${m.team_role}`)}
                  </Tag>
                ),
              },
              // Without `user.read` the API names no one but the caller: no columns of dashes.
              ...(canReadUsers
                ? [
                    {
                      key: 'role',
                      title: t('accountTeam.userRole'),
                      render: (_: unknown, m: AccountTeamMember) => {
                        const user = userOf(m.user_id);
                        return user ? t(`role.${user.role}`) : '—';
                      },
                    },
                    {
                      key: 'org_unit',
                      title: t('user.field.org_unit_id'),
                      render: (_: unknown, m: AccountTeamMember) => {
                        const user = userOf(m.user_id);
                        return user ? (units.get(user.org_unit_id) ?? `#${user.org_unit_id}`) : '—';
                      },
                    },
                  ]
                : []),
              {
                key: 'added_at',
                title: t('accountTeam.addedAt'),
                render: (_, m) => formatDateTime(m.added_at),
              },
              ...(canWrite
                ? [
                    {
                      key: 'actions',
                      title: t('common.actions'),
                      render: (_: unknown, m: AccountTeamMember) => (
                        <Popconfirm
                          title={t('accountTeam.confirmRemove', { name: nameOf(m.user_id) })}
                          okText={t('accountTeam.remove')}
                          okButtonProps={{ danger: true, 'data-testid': 'team-remove-ok' }}
                          cancelText={t('common.cancel')}
                          onConfirm={() => handleRemove(m)}
                        >
                          <Button
                            size="small"
                            type="link"
                            danger
                            icon={<DeleteOutlined />}
                            aria-label={t('accountTeam.remove')}
                            data-testid={`team-remove-${m.user_id}`}
                          />
                        </Popconfirm>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Space>
        {adding && (
          <AddTeamMemberModal
            customer={customer}
            members={members}
            open={adding}
            onClose={() => setAdding(false)}
          />
        )}
      </Card>
      <OwnerHistoryCard customerId={customer.id} />
    </Space>
  );
}
