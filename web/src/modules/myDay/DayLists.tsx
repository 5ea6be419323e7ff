import {
  CheckOutlined,
  FileTextOutlined,
  FormOutlined,
  GiftOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import {
  Badge,
  Button,
  Card,
  Empty,
  List,
  Popconfirm,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Birthday, CadenceBreach, ContractEnding, Interaction } from '../../api/types';
import { useCurrentSession } from '../../app/sessionContext';
import { formatDate } from '../../ui/format';
import { breachText, ruleText } from '../cadence/describe';
import { ChannelTag, NextStepDue } from '../interactions/tags';
import { TierTag } from '../tiering/tags';
import { MY_DAY_LIMIT, pageOf } from './api';

type SectionProps = {
  title: string;
  count: number;
  /** The badge's colour: red for what is late, the default otherwise. */
  color?: string;
  hint?: string;
  empty: string;
  /** The server cut this section at its first entries (My day's `more`). */
  more?: boolean;
  /** Where the whole list is, for a user who may open it. */
  moreHref?: string;
  children: ReactNode;
  'data-testid': string;
};

/** One list of My day: its title with how many, a hint, and what to say when it is empty. */
export function DaySection({
  title,
  count,
  color,
  hint,
  empty,
  more = false,
  moreHref,
  children,
  ...rest
}: SectionProps) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={
        <Space>
          {title}
          <Badge count={count} showZero color={count > 0 ? color : '#bfbfbf'} overflowCount={999} />
        </Space>
      }
      data-testid={rest['data-testid']}
    >
      {hint && count > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {hint}
        </Typography.Paragraph>
      )}
      {count === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> : children}
      {more && (
        <Typography.Text type="secondary" data-testid={`${rest['data-testid']}-more`}>
          {t('myDay.firstOnly', { count: MY_DAY_LIMIT })}
          {moreHref && (
            <>
              {' · '}
              <Link to={moreHref}>{t('myDay.seeAll')}</Link>
            </>
          )}
        </Typography.Text>
      )}
    </Card>
  );
}

function CustomerLink({ id, name, tab }: { id: number; name: string; tab?: string }) {
  return (
    <Link to={`/customers/${id}${tab ? `?tab=${tab}` : ''}`} style={{ fontWeight: 500 }}>
      {name}
    </Link>
  );
}

function RecordButton({ onClick, testId }: { onClick: () => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <Button size="small" icon={<FormOutlined />} onClick={onClick} data-testid={testId}>
      {t('myDay.record')}
    </Button>
  );
}

type BreachProps = {
  breaches: readonly CadenceBreach[];
  /** Overdue accounts get a "record a contact" button; over-contacted ones want a rest. */
  onRecord?: (b: CadenceBreach) => void;
};

/** Accounts overdue for contact (most days first) or contacted too often. */
export function BreachItems({ breaches, onRecord }: BreachProps) {
  const { t } = useTranslation();
  const colon = t('common.colon');
  return (
    <List<CadenceBreach>
      size="small"
      dataSource={[...breaches]}
      pagination={pageOf(breaches)}
      rowKey={(b) => `${b.customer_id}-${b.kind}`}
      renderItem={(b) => (
        <List.Item
          data-testid={`${b.kind === 'overdue' ? 'overdue' : 'over-contacted'}-${b.customer_id}`}
          actions={
            onRecord
              ? [
                  <RecordButton
                    key="record"
                    onClick={() => onRecord(b)}
                    testId={`record-for-${b.customer_id}`}
                  />,
                ]
              : []
          }
        >
          <Space direction="vertical" size={2} style={{ minWidth: 0 }}>
            <Space wrap size={[8, 4]}>
              <CustomerLink id={b.customer_id} name={b.customer_name} />
              {b.tier && <TierTag tier={b.tier} />}
            </Space>
            <Space wrap size={[8, 4]}>
              <Tooltip
                title={[
                  b.kind === 'overdue' && b.due_on ? t('cadence.dueOn', { date: b.due_on }) : '',
                  ruleText(t, b),
                ]
                  .filter(Boolean)
                  .join(t('common.listSeparator'))}
              >
                <Tag color={b.kind === 'overdue' ? 'red' : 'orange'}>{breachText(t, b)}</Tag>
              </Tooltip>
              <Typography.Text type="secondary">
                {t('cadence.lastContact')}
                {colon}
                {b.last_contact_at ? formatDate(b.last_contact_at) : t('cadence.neverContacted')}
              </Typography.Text>
            </Space>
          </Space>
        </List.Item>
      )}
    />
  );
}

type StepProps = {
  steps: readonly Interaction[];
  today: string;
  busyId: number | null;
  onDone: (i: Interaction) => void;
  onRecord: (i: Interaction) => void;
};

/** My open next steps, earliest due first; overdue ones in red. */
export function NextStepItems({ steps, today, busyId, onDone, onRecord }: StepProps) {
  const { t } = useTranslation();
  const { user: me } = useCurrentSession();
  return (
    <List<Interaction>
      size="small"
      dataSource={[...steps]}
      pagination={pageOf(steps)}
      rowKey="id"
      renderItem={(i) => (
        <List.Item data-testid={`next-step-${i.id}`}>
          <Space direction="vertical" size={2} style={{ minWidth: 0 }}>
            <Space wrap size={[8, 4]}>
              <Typography.Text strong>{i.next_step}</Typography.Text>
              <NextStepDue step={i} today={today} />
            </Space>
            <Space wrap size={[8, 4]}>
              <CustomerLink id={i.customer_id} name={i.customer_name} />
              <Typography.Text type="secondary">
                {`${formatDate(i.occurred_at)} · ${t(`interaction.channel.${i.channel}`)} · ${i.purpose}`}
              </Typography.Text>
              {i.recorded_by !== me.id && (
                <Typography.Text type="secondary">
                  {t('myDay.setBy', { name: i.recorded_by_name })}
                </Typography.Text>
              )}
            </Space>
            <Space wrap size={[8, 4]} style={{ marginTop: 4 }}>
              <Button
                size="small"
                type="primary"
                ghost
                icon={<CheckOutlined />}
                loading={busyId === i.id}
                onClick={() => onDone(i)}
                aria-label={t('interaction.markDoneLong')}
                data-testid={`step-done-${i.id}`}
              >
                {t('interaction.markDone')}
              </Button>
              <RecordButton onClick={() => onRecord(i)} testId={`record-step-${i.id}`} />
            </Space>
          </Space>
        </List.Item>
      )}
    />
  );
}

type RequestProps = {
  requests: readonly Interaction[];
  busyId: number | null;
  onHandOn: (i: Interaction) => void;
  onClose: (i: Interaction) => void;
  onRecord: (i: Interaction) => void;
};

/** Customer requests I own as first contact (首问负责制), until handed on or closed. */
export function RequestItems({ requests, busyId, onHandOn, onClose, onRecord }: RequestProps) {
  const { t } = useTranslation();
  return (
    <List<Interaction>
      size="small"
      dataSource={[...requests]}
      pagination={pageOf(requests)}
      rowKey="id"
      renderItem={(i) => (
        <List.Item data-testid={`request-${i.id}`}>
          <Space direction="vertical" size={2} style={{ minWidth: 0 }}>
            <Typography.Text strong>{i.purpose}</Typography.Text>
            <Space wrap size={[8, 4]}>
              <CustomerLink id={i.customer_id} name={i.customer_name} />
              <ChannelTag channel={i.channel} />
              <Typography.Text type="secondary">
                {t('myDay.requests.asked', { date: formatDate(i.occurred_at) })}
              </Typography.Text>
            </Space>
            {i.summary && (
              <Typography.Paragraph
                type="secondary"
                ellipsis={{ rows: 2, tooltip: i.summary }}
                style={{ margin: 0 }}
              >
                {i.summary}
              </Typography.Paragraph>
            )}
            <Space wrap size={[8, 4]} style={{ marginTop: 4 }}>
              <Button
                size="small"
                icon={<SwapOutlined />}
                onClick={() => onHandOn(i)}
                data-testid={`hand-on-${i.id}`}
              >
                {t('interaction.handOn')}
              </Button>
              <Popconfirm
                title={t('interaction.confirmClose')}
                okText={t('interaction.close')}
                cancelText={t('common.cancel')}
                onConfirm={() => onClose(i)}
              >
                <Button
                  size="small"
                  loading={busyId === i.id}
                  data-testid={`close-request-${i.id}`}
                >
                  {t('interaction.close')}
                </Button>
              </Popconfirm>
              <RecordButton onClick={() => onRecord(i)} testId={`record-request-${i.id}`} />
            </Space>
          </Space>
        </List.Item>
      )}
    />
  );
}

/** Contacts of my accounts with a birthday in the next 14 days, the nearest first. */
export function BirthdayItems({ birthdays }: { birthdays: readonly Birthday[] }) {
  const { t } = useTranslation();
  return (
    <List<Birthday>
      size="small"
      dataSource={[...birthdays]}
      pagination={pageOf(birthdays)}
      rowKey="contact_id"
      renderItem={(b) => (
        <List.Item data-testid={`birthday-${b.contact_id}`}>
          <Space wrap size={[8, 4]}>
            <GiftOutlined style={{ color: b.in_days === 0 ? '#eb2f96' : undefined }} />
            <Typography.Text strong>{b.contact_name}</Typography.Text>
            <CustomerLink id={b.customer_id} name={b.customer_name} />
            <Tag color={b.in_days === 0 ? 'magenta' : undefined}>
              {`${b.next.slice(5)} · ${
                b.in_days === 0
                  ? t('myDay.birthdays.today')
                  : b.in_days === 1
                    ? t('myDay.birthdays.tomorrow')
                    : t('myDay.birthdays.in', { count: b.in_days })
              }`}
            </Tag>
          </Space>
        </List.Item>
      )}
    />
  );
}

/** Active contracts of my accounts ending in the next 30 days, the soonest first. */
export function ContractEndingItems({ contracts }: { contracts: readonly ContractEnding[] }) {
  const { t } = useTranslation();
  return (
    <List<ContractEnding>
      size="small"
      dataSource={[...contracts]}
      pagination={pageOf(contracts)}
      rowKey="contract_id"
      renderItem={(c) => (
        <List.Item data-testid={`contract-ending-${c.contract_id}`}>
          <Space direction="vertical" size={2} style={{ minWidth: 0 }}>
            <Space wrap size={[8, 4]}>
              <FileTextOutlined style={{ color: c.in_days <= 7 ? '#fa541c' : undefined }} />
              <CustomerLink id={c.customer_id} name={c.customer_name} tab="contracts" />
              <Tag color={c.in_days <= 7 ? 'volcano' : 'orange'}>
                {`${c.ends_on} · ${
                  c.in_days === 0
                    ? t('myDay.contractsEnding.today')
                    : t('myDay.contractsEnding.in', { count: c.in_days })
                }`}
              </Tag>
            </Space>
            <Typography.Text type="secondary">{`${c.number} · ${c.title}`}</Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}
