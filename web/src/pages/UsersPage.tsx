import { KeyOutlined, PlusOutlined, SwapOutlined, TeamOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { Button, Card, Empty, Select, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Role, User } from '../api/types';
import { useCurrentSession } from '../app/sessionContext';
import { DefaultTeamModal } from '../modules/accountTeam/DefaultTeamModal';
import { leavingUnavailable } from '../modules/handovers/rules';
import { useOrgUnits } from '../modules/orgUnits/api';
import { orgUnitNames } from '../modules/orgUnits/tree';
import { ROLES, useSaveUser, useUserPages, type UserFilters } from '../modules/users/api';
import { ResetPasswordModal } from '../modules/users/ResetPasswordModal';
import { UserFormModal } from '../modules/users/UserFormModal';
import { DebouncedInput } from '../ui/DebouncedInput';
import { ErrorState } from '../ui/ErrorState';
import { formatDateTime } from '../ui/format';

type Editing = { user?: User } | null;

export default function UsersPage() {
  const { t } = useTranslation();
  const { access, user: me } = useCurrentSession();
  const [filters, setFilters] = useState<UserFilters>({});
  const pages = useUserPages(filters);
  const names = orgUnitNames(useOrgUnits().data);
  const save = useSaveUser();
  const [editing, setEditing] = useState<Editing>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [teamOf, setTeamOf] = useState<User | null>(null);
  const canManage = access.can('user.manage');
  const canHandOver = access.can('user.handover');
  const users = pages.data?.pages.flatMap((p) => p.items) ?? [];

  const toggleActive = (u: User) => save.mutate({ user: u, values: { active: !u.active } });

  return (
    <PageContainer
      title={t('menu.users')}
      extra={
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
            {t('users.add')}
          </Button>
        )
      }
    >
      <Card>
        <div className="kams-toolbar" style={{ marginBottom: 16 }}>
          <DebouncedInput
            aria-label={t('users.search')}
            placeholder={t('users.search')}
            value={filters.q ?? ''}
            onChange={(q) => setFilters({ ...filters, q: q || undefined })}
            style={{ width: 220 }}
          />
          <Select<Role>
            aria-label={t('user.field.role')}
            placeholder={t('user.field.role')}
            allowClear
            value={filters.role}
            onChange={(role) => setFilters({ ...filters, role })}
            options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
            style={{ width: 160 }}
          />
        </div>
        {pages.isError ? (
          <ErrorState error={pages.error} onRetry={() => void pages.refetch()} />
        ) : (
          <Table<User>
            rowKey="id"
            size="middle"
            loading={pages.isFetching && !pages.isFetchingNextPage}
            dataSource={users}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <Empty description={t('users.none')} /> }}
            columns={[
              { key: 'username', dataIndex: 'username', title: t('user.field.username') },
              {
                key: 'display_name',
                dataIndex: 'display_name',
                title: t('user.field.display_name'),
              },
              {
                key: 'role',
                title: t('user.field.role'),
                render: (_, u) => <Tag>{t(`role.${u.role}`)}</Tag>,
              },
              {
                key: 'org_unit',
                title: t('user.field.org_unit_id'),
                render: (_, u) => names.get(u.org_unit_id) ?? `#${u.org_unit_id}`,
              },
              { key: 'email', dataIndex: 'email', title: t('user.field.email') },
              { key: 'phone', dataIndex: 'phone', title: t('user.field.phone') },
              {
                key: 'active',
                title: t('user.field.active'),
                render: (_, u) =>
                  u.active ? (
                    <Tag color="green">{t('users.active')}</Tag>
                  ) : (
                    <Tag>{t('users.disabled')}</Tag>
                  ),
              },
              {
                key: 'last_login_at',
                title: t('user.field.last_login_at'),
                render: (_, u) => formatDateTime(u.last_login_at),
              },
              {
                key: 'actions',
                title: t('common.actions'),
                render: (_: unknown, u: User) => {
                  const cannotHandOver = leavingUnavailable(u, me);
                  return (
                    <Space size={0}>
                      {canManage && (
                        <Button type="link" size="small" onClick={() => setEditing({ user: u })}>
                          {t('common.edit')}
                        </Button>
                      )}
                      {canManage && (
                        <Button
                          type="link"
                          size="small"
                          danger={u.active}
                          disabled={u.id === me.id}
                          onClick={() => toggleActive(u)}
                        >
                          {u.active ? t('users.disable') : t('users.enable')}
                        </Button>
                      )}
                      <Tooltip title={t('defaultTeam.title')}>
                        <Button
                          type="link"
                          size="small"
                          icon={<TeamOutlined />}
                          aria-label={t('defaultTeam.titleOf', { name: u.display_name })}
                          onClick={() => setTeamOf(u)}
                          data-testid={`default-team-${u.username}`}
                        />
                      </Tooltip>
                      {canHandOver &&
                        (cannotHandOver ? (
                          <Tooltip title={t(`handover.unavailable.${cannotHandOver}`)}>
                            <Button type="link" size="small" icon={<SwapOutlined />} disabled>
                              {t('handover.action')}
                            </Button>
                          </Tooltip>
                        ) : (
                          <Link
                            to={`/handovers/new?user=${u.id}`}
                            style={{ padding: '0 7px', whiteSpace: 'nowrap' }}
                            data-testid={`hand-over-${u.username}`}
                          >
                            <SwapOutlined /> {t('handover.action')}
                          </Link>
                        ))}
                      {/* One's own password changes with the current one (the user menu). */}
                      {canManage && u.id !== me.id && (
                        <Tooltip title={t('users.resetPassword')}>
                          <Button
                            type="link"
                            size="small"
                            icon={<KeyOutlined />}
                            aria-label={t('users.resetPassword')}
                            onClick={() => setResetting(u)}
                          />
                        </Tooltip>
                      )}
                    </Space>
                  );
                },
              },
            ]}
          />
        )}
        {pages.hasNextPage && (
          <Button
            block
            style={{ marginTop: 16 }}
            loading={pages.isFetchingNextPage}
            onClick={() => void pages.fetchNextPage()}
          >
            {t('common.loadMore')}
          </Button>
        )}
      </Card>
      <UserFormModal
        user={editing?.user}
        open={editing !== null}
        onClose={() => setEditing(null)}
      />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
      {teamOf && <DefaultTeamModal user={teamOf} onClose={() => setTeamOf(null)} />}
    </PageContainer>
  );
}
