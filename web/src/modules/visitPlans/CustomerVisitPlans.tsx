import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../api/types';
import { useCurrentSession } from '../../app/sessionContext';
import { ErrorState } from '../../ui/ErrorState';
import { businessToday } from '../interactions/nextStep';
import { useVisitPlans } from './api';
import type { VisitDialog } from './dialogs';
import { splitByToday } from './rules';
import { VisitDialogs } from './VisitDialogs';
import { VisitItems } from './VisitItems';

type Props = { customer: Pick<Customer, 'id' | 'name'> };

/** The dossier's visit plans (拜访计划): those to come, soonest first, then the earlier ones. */
export function CustomerVisitPlans({ customer }: Props) {
  const { t } = useTranslation();
  const { access } = useCurrentSession();
  const plans = useVisitPlans({ customer_id: customer.id });
  const [dialog, setDialog] = useState<VisitDialog | null>(null);
  const { coming, earlier } = splitByToday(plans.data ?? [], businessToday());

  let content;
  if (plans.isError && !plans.data) {
    content = <ErrorState error={plans.error} onRetry={() => void plans.refetch()} />;
  } else if (plans.isPending) {
    content = <Spin style={{ display: 'block', margin: '32px auto' }} />;
  } else if (coming.length + earlier.length === 0) {
    content = <Empty description={t('visitPlan.noneForCustomer')} />;
  } else {
    content = (
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <section data-testid="visits-coming">
          <Typography.Title level={5}>{t('visitPlan.coming')}</Typography.Title>
          {coming.length === 0 ? (
            <Typography.Text type="secondary">{t('visitPlan.noneComing')}</Typography.Text>
          ) : (
            <VisitItems plans={coming} onOpen={setDialog} showDay showOwner />
          )}
        </section>
        {earlier.length > 0 && (
          <section data-testid="visits-earlier">
            <Typography.Title level={5}>{t('visitPlan.earlier')}</Typography.Title>
            <VisitItems plans={earlier} onOpen={setDialog} showDay showOwner />
          </section>
        )}
      </Space>
    );
  }

  return (
    <Card
      title={t('dossier.tab.visits')}
      data-testid="customer-visits"
      extra={
        access.can('interaction.write') && (
          <Button
            icon={<PlusOutlined />}
            onClick={() => setDialog({ kind: 'plan', customer })}
            data-testid="plan-visit-here"
          >
            {t('visitPlan.plan')}
          </Button>
        )
      }
    >
      {content}
      <VisitDialogs dialog={dialog} onClose={() => setDialog(null)} />
    </Card>
  );
}
