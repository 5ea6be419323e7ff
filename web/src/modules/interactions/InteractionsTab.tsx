import { FormOutlined } from '@ant-design/icons';
import { Button, Card, Empty, List } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer, Interaction } from '../../api/types';
import { useCurrentSession } from '../../app/sessionContext';
import { ErrorState } from '../../ui/ErrorState';
import { useCustomerInteractions } from './api';
import { HandOnModal } from './HandOnModal';
import { InteractionItem } from './InteractionItem';
import { businessToday } from './nextStep';
import { useRecordContact } from './recordContactContext';
import { useRecordActions } from './useRecordActions';

type Props = { customer: Pick<Customer, 'id' | 'name'> };

/** The dossier's contact records (客户接触记录), newest first, with "record a contact". */
export function InteractionsTab({ customer }: Props) {
  const { t } = useTranslation();
  const { access } = useCurrentSession();
  const pages = useCustomerInteractions(customer.id);
  const record = useRecordContact();
  const actions = useRecordActions();
  const [handingOn, setHandingOn] = useState<Interaction | null>(null);
  const today = businessToday();

  if (pages.isError && !pages.data) {
    return <ErrorState error={pages.error} onRetry={() => void pages.refetch()} />;
  }
  const records = pages.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Card
      title={t('dossier.tab.interactions')}
      data-testid="interactions"
      extra={
        access.can('interaction.write') && (
          <Button
            icon={<FormOutlined />}
            onClick={() => record({ customer })}
            data-testid="record-contact-here"
          >
            {t('interaction.record')}
          </Button>
        )
      }
    >
      <List<Interaction>
        rowKey="id"
        loading={pages.isPending}
        dataSource={records}
        locale={{ emptyText: <Empty description={t('interaction.none')} /> }}
        renderItem={(i) => (
          <InteractionItem
            interaction={i}
            today={today}
            busy={actions.busyId === i.id}
            onEdit={(interaction) => record({ interaction })}
            onDelete={(x) => void actions.remove(x)}
            onComplete={(x) => void actions.complete(x)}
            onHandOn={setHandingOn}
            onClose={(x) => void actions.close(x)}
          />
        )}
      />
      {pages.hasNextPage && (
        <Button
          block
          onClick={() => void pages.fetchNextPage()}
          loading={pages.isFetchingNextPage}
          data-testid="interactions-more"
        >
          {t('common.loadMore')}
        </Button>
      )}
      {handingOn && <HandOnModal interaction={handingOn} onClose={() => setHandingOn(null)} />}
    </Card>
  );
}
