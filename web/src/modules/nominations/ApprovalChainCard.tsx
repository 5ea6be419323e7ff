import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import type { Role } from '../../api/types';
import { errorMessage, fieldProblemMessage } from '../../app/errors';
import { ErrorState } from '../../ui/ErrorState';
import { PageLoading } from '../../ui/PageLoading';
import { ROLES } from '../users/api';
import { useApprovalChain, useSetApprovalChain } from './api';
import { MAX_LEVELS, levelOfField, moveLevel } from './chain';

/**
 * The approval chain (administrators): the role deciding at each level, level 1 first. A
 * level is decided in the lowest unit up the org tree from the customer's that has a user
 * of that role; a level without one is skipped.
 */
export function ApprovalChainCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const chain = useApprovalChain();
  const save = useSetApprovalChain();
  const [draft, setDraft] = useState<Role[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  if (chain.isError) return <ErrorState error={chain.error} onRetry={() => void chain.refetch()} />;
  if (!chain.data) return <PageLoading />;
  const roles = draft ?? chain.data;
  const changed = draft !== null && draft.join() !== chain.data.join();

  const edit = (next: Role[]) => {
    setProblem(null);
    setDraft(next);
  };
  const handleSave = async () => {
    try {
      await save.mutateAsync(roles);
      setDraft(null);
      void message.success(t('approvalChain.saved'));
    } catch (e) {
      const fields = isApiError(e) ? Object.entries(e.fields) : [];
      setProblem(
        fields.length
          ? fields
              .map(([field, p]) => {
                const level = levelOfField(field);
                const where = level
                  ? t('approvalChain.level', { level })
                  : t('approvalChain.levels', { max: MAX_LEVELS });
                return `${where}: ${fieldProblemMessage(t, p)}`;
              })
              .join(t('common.listSeparator'))
          : errorMessage(t, e),
      );
    }
  };

  return (
    <Card
      title={t('approvalChain.title')}
      data-testid="approval-chain"
      extra={
        <Space>
          {draft && (
            <Button onClick={() => edit(chain.data)} disabled={!changed}>
              {t('common.reset')}
            </Button>
          )}
          <Button
            type="primary"
            disabled={!changed}
            loading={save.isPending}
            onClick={() => void handleSave()}
            data-testid="save-chain"
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('approvalChain.hint')}</Typography.Paragraph>
      {problem && (
        <Alert type="error" showIcon role="alert" message={problem} style={{ marginBottom: 12 }} />
      )}
      <Space direction="vertical" style={{ width: '100%' }}>
        {roles.map((role, i) => (
          <Space key={i} wrap data-testid={`chain-level-${i + 1}`}>
            <Tag color="blue">{t('approvalChain.level', { level: i + 1 })}</Tag>
            <Select<Role>
              aria-label={t('approvalChain.level', { level: i + 1 })}
              value={role}
              style={{ width: 200 }}
              onChange={(r) => edit(roles.map((x, k) => (k === i ? r : x)))}
              options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
            />
            <Button
              icon={<ArrowUpOutlined />}
              aria-label={t('tiering.moveUp')}
              disabled={i === 0}
              onClick={() => edit(moveLevel(roles, i, -1))}
            />
            <Button
              icon={<ArrowDownOutlined />}
              aria-label={t('approvalChain.moveDown')}
              disabled={i === roles.length - 1}
              onClick={() => edit(moveLevel(roles, i, 1))}
            />
            <Button
              icon={<DeleteOutlined />}
              aria-label={t('common.delete')}
              danger
              disabled={roles.length === 1}
              onClick={() => edit(roles.filter((_, k) => k !== i))}
            />
          </Space>
        ))}
        <Button
          type="dashed"
          icon={<PlusOutlined />}
          disabled={roles.length >= MAX_LEVELS}
          onClick={() => edit([...roles, 'specialist'])}
          data-testid="add-level"
        >
          {t('approvalChain.add')}
        </Button>
      </Space>
    </Card>
  );
}
