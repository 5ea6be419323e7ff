import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Empty,
  Form,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import type { DefaultTeam, DefaultTeamMember, TeamRole, User } from '../../api/types';
import { errorMessage, fieldProblemMessage } from '../../app/errors';
import { useCurrentSession } from '../../app/sessionContext';
import { ErrorState } from '../../ui/ErrorState';
import { formatDateTime } from '../../ui/format';
import { UserSelect } from '../users/UserSelect';
import { useDefaultTeam, useSaveDefaultTeam } from './api';
import { defaultTeamUnpickable, mayEditDefaultTeam, memberProblems } from './rules';
import { suggestedTeamRole, TEAM_ROLE_COLORS, TEAM_ROLES } from './teamRoles';

type Owner = Pick<User, 'id' | 'display_name'>;
type Row = Pick<DefaultTeamMember, 'user_id' | 'team_role' | 'display_name'>;

const MAX_MEMBERS = 20;

type EditorProps = { owner: Owner; team: DefaultTeam; onReload: () => Promise<unknown> };

function Editor({ owner, team, onReload }: EditorProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user: me, access } = useCurrentSession();
  const save = useSaveDefaultTeam(owner.id);
  const [rows, setRows] = useState<Row[]>(team.members);
  const [picking, setPicking] = useState<{ user: User | null; role?: TeamRole }>({ user: null });
  const [problems, setProblems] = useState<ReturnType<typeof memberProblems>>(new Map());
  const [failure, setFailure] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const canEdit = mayEditDefaultTeam(me, owner.id);
  const canPick = canEdit && access.can('user.read') && rows.length < MAX_MEMBERS;
  const dirty = JSON.stringify(rows) !== JSON.stringify(team.members);

  const change = (next: Row[]) => {
    setRows(next);
    setProblems(new Map());
    setFailure(null);
  };
  const handleAdd = () => {
    const { user, role } = picking;
    if (!user || !role) return;
    change([...rows, { user_id: user.id, team_role: role, display_name: user.display_name }]);
    setPicking({ user: null });
  };
  const handleSave = async () => {
    setFailure(null);
    try {
      const saved = await save.mutateAsync({
        version: team.version,
        body: { members: rows.map(({ user_id, team_role }) => ({ user_id, team_role })) },
      });
      setRows(saved.members);
      void message.success(t('defaultTeam.saved', { name: owner.display_name }));
    } catch (e) {
      if (isApiError(e) && e.isStaleVersion) {
        setStale(true);
        return;
      }
      const found = isApiError(e) ? memberProblems(e.fields) : new Map();
      setProblems(found);
      setFailure(found.size ? t('defaultTeam.fixMembers') : errorMessage(t, e));
    }
  };
  const handleReload = async () => {
    await onReload();
    setStale(false);
  };

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="default-team">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('defaultTeam.hint', { name: owner.display_name })}
      </Typography.Paragraph>
      {stale && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          data-testid="stale-version"
          message={t('defaultTeam.staleTitle')}
          description={t('defaultTeam.staleDescription')}
          action={
            <Button size="small" type="primary" onClick={() => void handleReload()}>
              {t('common.reload')}
            </Button>
          }
        />
      )}
      {failure && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="default-team-problem"
          message={t('interaction.notSaved')}
          description={failure}
        />
      )}
      <Table<Row>
        rowKey="user_id"
        size="small"
        dataSource={rows}
        pagination={false}
        data-testid="default-team-members"
        locale={{ emptyText: <Empty description={t('defaultTeam.none')} /> }}
        columns={[
          {
            key: 'member',
            title: t('accountTeam.member'),
            render: (_, m, i) => {
              const problem = problems.get(i)?.user_id;
              return (
                <Space direction="vertical" size={0}>
                  <Typography.Text>{m.display_name || `#${m.user_id}`}</Typography.Text>
                  {problem && (
                    <Typography.Text type="danger" data-testid={`member-${i}-problem`}>
                      {fieldProblemMessage(t, problem)}
                    </Typography.Text>
                  )}
                </Space>
              );
            },
          },
          {
            key: 'team_role',
            title: t('accountTeam.teamRole'),
            render: (_, m, i) => {
              const problem = problems.get(i)?.team_role;
              return canEdit ? (
                <Space direction="vertical" size={0}>
                  <Select<TeamRole>
                    aria-label={t('defaultTeam.roleOf', { name: m.display_name })}
                    value={m.team_role}
                    status={problem ? 'error' : undefined}
                    onChange={(role) =>
                      change(rows.map((r, j) => (j === i ? { ...r, team_role: role } : r)))
                    }
                    options={TEAM_ROLES.map((r) => ({
                      value: r,
                      label: t(`accountTeam.role.${r}`),
                    }))}
                    style={{ minWidth: 160 }}
                  />
                  {problem && (
                    <Typography.Text type="danger">
                      {fieldProblemMessage(t, problem)}
                    </Typography.Text>
                  )}
                </Space>
              ) : (
                <Tag color={TEAM_ROLE_COLORS[m.team_role]}>
                  {t(`accountTeam.role.${m.team_role}`)}
                </Tag>
              );
            },
          },
          ...(canEdit
            ? [
                {
                  key: 'remove',
                  title: t('common.actions'),
                  render: (_: unknown, m: Row, i: number) => (
                    <Button
                      type="link"
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('defaultTeam.removeOf', { name: m.display_name })}
                      onClick={() => change(rows.filter((_r, j) => j !== i))}
                      data-testid={`default-remove-${m.user_id}`}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      {canPick && (
        <Form layout="inline" component="div" style={{ rowGap: 8 }}>
          <Form.Item label={t('accountTeam.member')} htmlFor="default-team-user">
            <div style={{ width: 240 }}>
              <UserSelect
                id="default-team-user"
                value={picking.user?.id ?? null}
                onChange={(id) => id === null && setPicking({ user: null })}
                onPick={(u) =>
                  setPicking({ user: u, role: picking.role ?? suggestedTeamRole(u.role) })
                }
                filters={{ active: true }}
                placeholder={t('users.search')}
                unavailable={(u) => {
                  const why = defaultTeamUnpickable(u, owner.id, rows);
                  return (
                    why &&
                    t(why === 'owner' ? 'defaultTeam.isOwner' : `accountTeam.unavailable.${why}`)
                  );
                }}
                data-testid="default-team-user"
              />
            </div>
          </Form.Item>
          <Form.Item label={t('accountTeam.teamRole')} htmlFor="default-team-role">
            <Select<TeamRole>
              id="default-team-role"
              value={picking.role}
              onChange={(role) => setPicking({ ...picking, role })}
              options={TEAM_ROLES.map((r) => ({ value: r, label: t(`accountTeam.role.${r}`) }))}
              style={{ width: 160 }}
              data-testid="default-team-role"
            />
          </Form.Item>
          <Button
            icon={<PlusOutlined />}
            disabled={!picking.user || !picking.role}
            onClick={handleAdd}
            data-testid="default-team-add"
          >
            {t('defaultTeam.add')}
          </Button>
        </Form>
      )}
      {canEdit && !access.can('user.read') && (
        <Typography.Text type="secondary">{t('defaultTeam.cannotPick')}</Typography.Text>
      )}
      {!canEdit && (
        <Typography.Text type="secondary" data-testid="default-team-readonly">
          {t('defaultTeam.readOnly')}
        </Typography.Text>
      )}
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Text type="secondary">
          {team.updated_at
            ? t('defaultTeam.updatedAt', { at: formatDateTime(team.updated_at) })
            : t('defaultTeam.neverSet')}
        </Typography.Text>
        {canEdit && (
          <Space>
            <Button disabled={!dirty || save.isPending} onClick={() => change(team.members)}>
              {t('common.reset')}
            </Button>
            <Button
              type="primary"
              icon={<SaveOutlined />}
              disabled={!dirty || stale}
              loading={save.isPending}
              onClick={() => void handleSave()}
              data-testid="default-team-save"
            >
              {t('common.save')}
            </Button>
          </Space>
        )}
      </Space>
    </Space>
  );
}

/**
 * A user's default account team (默认团队): those who join every account team of the
 * customers the user owns when asked (apply default team) and when one becomes a key
 * account. The user themself, administrators and directors change it; others read it.
 */
export function DefaultTeamEditor({ owner }: { owner: Owner }) {
  const team = useDefaultTeam(owner.id);
  if (team.isError && !team.data) {
    return <ErrorState error={team.error} onRetry={() => void team.refetch()} />;
  }
  if (!team.data) return <Skeleton active paragraph={{ rows: 3 }} />;
  // Keyed by version: a saved or reloaded team starts the editor afresh.
  return (
    <Editor
      key={team.data.version}
      owner={owner}
      team={team.data}
      onReload={() => team.refetch()}
    />
  );
}
