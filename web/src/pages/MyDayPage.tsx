import { PageContainer } from '@ant-design/pro-components';
import { Col, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BreachKind, Interaction } from '../api/types';
import { HandOnModal } from '../modules/interactions/HandOnModal';
import { useRecordContact } from '../modules/interactions/recordContactContext';
import { useRecordActions } from '../modules/interactions/useRecordActions';
import { useCurrentSession } from '../app/sessionContext';
import { breachQueryParams } from '../modules/cadence/breachQuery';
import { useMyDay } from '../modules/myDay/api';
import type { VisitDialog } from '../modules/visitPlans/dialogs';
import { VisitDialogs } from '../modules/visitPlans/VisitDialogs';
import { comparePlans } from '../modules/visitPlans/rules';
import { VisitItems } from '../modules/visitPlans/VisitItems';
import {
  BirthdayItems,
  BreachItems,
  ContractEndingItems,
  DaySection,
  NextStepItems,
  RequestItems,
} from '../modules/myDay/DayLists';
import { ErrorState } from '../ui/ErrorState';
import { formatDayWithWeekday } from '../ui/format';
import { PageLoading } from '../ui/PageLoading';

/**
 * What a KAM (assistant, sales rep, service agent) sees each morning: today's visits (to
 * complete) and missed ones (to reschedule, complete late or cancel), their accounts overdue
 * for contact or contacted too often, their open next steps and customer requests, their
 * contacts' birthdays and the contracts ending within 30 days. Every item leads to its
 * dossier; a contact is recorded from here.
 */
export default function MyDayPage() {
  const { t, i18n } = useTranslation();
  const day = useMyDay();
  const record = useRecordContact();
  const actions = useRecordActions();
  const [handingOn, setHandingOn] = useState<Interaction | null>(null);
  const [visitDialog, setVisitDialog] = useState<VisitDialog | null>(null);
  const { user, access } = useCurrentSession();
  // The whole list of one's breaches is on the breaches page, for those who may open it.
  const breachesHref = (kind: BreachKind) =>
    access.passes('cadenceOverseer')
      ? `/cadence-breaches?${breachQueryParams({ kind, owner_id: user.id, limit: 20 }).toString()}`
      : undefined;

  const recordFor = (customer: { customer_id: number; customer_name: string }) =>
    record({ customer: { id: customer.customer_id, name: customer.customer_name } });

  let content;
  if (day.isError && !day.data) {
    content = <ErrorState error={day.error} onRetry={() => void day.refetch()} />;
  } else if (!day.data) {
    content = <PageLoading />;
  } else {
    const d = day.data;
    content = (
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <DaySection
              title={t('visitPlan.myDay.today')}
              count={d.visits_today.length}
              color="blue"
              empty={t('visitPlan.myDay.noneToday')}
              more={d.more.includes('visits_today')}
              data-testid="my-visits-today"
            >
              <VisitItems plans={[...d.visits_today].sort(comparePlans)} onOpen={setVisitDialog} />
            </DaySection>
            <DaySection
              title={t('visitPlan.myDay.missed')}
              count={d.missed_visits.length}
              color="red"
              hint={t('visitPlan.myDay.missedHint')}
              empty={t('visitPlan.myDay.noneMissed')}
              more={d.more.includes('missed_visits')}
              data-testid="my-missed-visits"
            >
              <VisitItems plans={d.missed_visits} onOpen={setVisitDialog} showDay />
            </DaySection>
            <DaySection
              title={t('myDay.overdue.title')}
              count={d.overdue.length}
              color="red"
              empty={t('myDay.overdue.none')}
              more={d.more.includes('overdue')}
              moreHref={breachesHref('overdue')}
              data-testid="my-overdue"
            >
              <BreachItems breaches={d.overdue} onRecord={recordFor} />
            </DaySection>
            <DaySection
              title={t('myDay.overContacted.title')}
              count={d.over_contacted.length}
              color="orange"
              hint={t('myDay.overContacted.hint')}
              empty={t('myDay.overContacted.none')}
              more={d.more.includes('over_contacted')}
              moreHref={breachesHref('over_contacted')}
              data-testid="my-over-contacted"
            >
              <BreachItems breaches={d.over_contacted} />
            </DaySection>
          </Space>
        </Col>
        <Col xs={24} xl={12}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <DaySection
              title={t('myDay.nextSteps.title')}
              count={d.next_steps.length}
              color="blue"
              empty={t('myDay.nextSteps.none')}
              more={d.more.includes('next_steps')}
              data-testid="my-next-steps"
            >
              <NextStepItems
                steps={d.next_steps}
                today={d.today}
                busyId={actions.busyId}
                onDone={(i) => void actions.complete(i)}
                onRecord={recordFor}
              />
            </DaySection>
            <DaySection
              title={t('myDay.requests.title')}
              count={d.open_requests.length}
              color="orange"
              empty={t('myDay.requests.none')}
              more={d.more.includes('open_requests')}
              data-testid="my-requests"
            >
              <RequestItems
                requests={d.open_requests}
                busyId={actions.busyId}
                onHandOn={setHandingOn}
                onClose={(i) => void actions.close(i)}
                onRecord={recordFor}
              />
            </DaySection>
            <DaySection
              title={t('myDay.birthdays.title')}
              count={d.birthdays.length}
              color="magenta"
              empty={t('myDay.birthdays.none')}
              data-testid="my-birthdays"
            >
              <BirthdayItems birthdays={d.birthdays} />
            </DaySection>
            <DaySection
              title={t('myDay.contractsEnding.title')}
              count={d.contracts_ending.length}
              color="orange"
              hint={t('myDay.contractsEnding.hint')}
              empty={t('myDay.contractsEnding.none')}
              more={d.more.includes('contracts_ending')}
              data-testid="my-contracts-ending"
            >
              <ContractEndingItems contracts={d.contracts_ending} />
            </DaySection>
          </Space>
        </Col>
      </Row>
    );
  }

  return (
    <PageContainer
      title={t('menu.myDay')}
      content={
        day.data && (
          <Typography.Text type="secondary" data-testid="my-day-date">
            {formatDayWithWeekday(day.data.today, i18n.language)}
          </Typography.Text>
        )
      }
    >
      {content}
      {handingOn && <HandOnModal interaction={handingOn} onClose={() => setHandingOn(null)} />}
      <VisitDialogs dialog={visitDialog} onClose={() => setVisitDialog(null)} />
    </PageContainer>
  );
}
