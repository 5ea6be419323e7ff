import { EditOutlined, UndoOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../api/types';
import { errorMessage } from '../../app/errors';
import { notifyError } from '../../app/notifier';
import { useCurrentSession } from '../../app/sessionContext';
import { formatDate } from '../../ui/format';
import { tierLabel } from '../tiering/labels';
import { useCadenceRules, useClearCustomerCadence, useCustomerCadence } from './api';
import { breachText, ruleInEffect, ruleText } from './describe';
import { OwnCadenceModal } from './OwnCadenceModal';

type Props = { customer: Pick<Customer, 'id' | 'name' | 'tier'> };

/**
 * The account's contact cadence on its dossier: the rule it is judged by (its own, or its
 * tier's) and its breaches now. Those who may assign accounts (`customer.assign`) give it a
 * rule of its own or return it to its tier's.
 */
export function CustomerCadenceCard({ customer }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { access } = useCurrentSession();
  const cadence = useCustomerCadence(customer.id);
  const rules = useCadenceRules();
  const clear = useClearCustomerCadence(customer.id);
  const [editing, setEditing] = useState(false);
  const canAssign = access.can('customer.assign');

  const own = cadence.data?.own ?? null;
  const breaches = cadence.data?.breaches ?? [];
  const rule = ruleInEffect(own, customer.tier, rules.data?.rules);
  const colon = t('common.colon');

  const handleClear = async () => {
    try {
      await clear.mutateAsync();
      void message.success(t('cadence.card.ownCleared'));
    } catch (e) {
      notifyError(t('interaction.actionFailed'), errorMessage(t, e));
    }
  };

  return (
    <Card
      title={t('cadence.card.title')}
      loading={cadence.isPending}
      data-testid="customer-cadence"
      extra={
        canAssign &&
        cadence.isSuccess && (
          <Space>
            {own && (
              <Popconfirm
                title={t('cadence.card.confirmClear')}
                okText={t('cadence.card.clearOwn')}
                cancelText={t('common.cancel')}
                onConfirm={() => handleClear()}
              >
                <Button
                  size="small"
                  icon={<UndoOutlined />}
                  loading={clear.isPending}
                  data-testid="clear-own-cadence"
                >
                  {t('cadence.card.clearOwn')}
                </Button>
              </Popconfirm>
            )}
            <Button
              size="small"
              icon={<EditOutlined />}
              onClick={() => setEditing(true)}
              data-testid="set-own-cadence"
            >
              {own ? t('cadence.card.editOwn') : t('cadence.card.setOwn')}
            </Button>
          </Space>
        )
      }
    >
      {cadence.isError ? (
        <Typography.Text type="secondary">{errorMessage(t, cadence.error)}</Typography.Text>
      ) : (
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('cadence.card.inEffect')}>
            {rule ? (
              <Space wrap size={[8, 4]} data-testid="cadence-rule">
                <Tag color={rule.source === 'own' ? 'blue' : undefined}>
                  {rule.source === 'own'
                    ? t('cadence.card.own')
                    : t('cadence.card.byTier', { tier: tierLabel(t, customer.tier ?? '') })}
                </Tag>
                <Typography.Text>{ruleText(t, rule.bounds)}</Typography.Text>
              </Space>
            ) : (
              <Typography.Text type="secondary" data-testid="cadence-rule">
                {t('cadence.card.noRule')}
              </Typography.Text>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('cadence.card.status')}>
            <Space direction="vertical" size={2} data-testid="cadence-status">
              {breaches.length === 0 ? (
                rule ? (
                  <Tag color="green">{t('cadence.card.ok')}</Tag>
                ) : (
                  <Typography.Text type="secondary">{t('cadence.card.notJudged')}</Typography.Text>
                )
              ) : (
                breaches.map((b) => (
                  <Space key={b.kind} wrap size={[8, 4]}>
                    <Tag color={b.kind === 'overdue' ? 'red' : 'orange'}>{breachText(t, b)}</Tag>
                    {b.kind === 'overdue' && b.due_on && (
                      <Typography.Text type="secondary">
                        {t('cadence.dueOn', { date: b.due_on })}
                      </Typography.Text>
                    )}
                    <Typography.Text type="secondary">
                      {t('cadence.lastContact')}
                      {colon}
                      {b.last_contact_at
                        ? formatDate(b.last_contact_at)
                        : t('cadence.neverContacted')}
                    </Typography.Text>
                    {b.notified_director_at && <Tag>{t('cadence.escalated')}</Tag>}
                  </Space>
                ))
              )}
            </Space>
          </Descriptions.Item>
        </Descriptions>
      )}
      {editing && (
        <OwnCadenceModal customer={customer} own={own} onClose={() => setEditing(false)} />
      )}
    </Card>
  );
}
