import {
  CarOutlined,
  EllipsisOutlined,
  FileTextOutlined,
  GlobalOutlined,
  MailOutlined,
  PhoneOutlined,
  PrinterOutlined,
  ShopOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel, Interaction } from '../../api/types';
import { CHANNEL_COLORS } from './channels';
import { daysBetween, nextStepState } from './nextStep';

const ICONS: Record<Channel, ReactNode> = {
  visit: <CarOutlined />,
  phone: <PhoneOutlined />,
  email: <MailOutlined />,
  meeting: <TeamOutlined />,
  letter: <FileTextOutlined />,
  fax: <PrinterOutlined />,
  internet: <GlobalOutlined />,
  counter: <ShopOutlined />,
  other: <EllipsisOutlined />,
};

/** The channel's icon and name, in its colour. */
export function ChannelTag({ channel }: { channel: Channel }) {
  const { t } = useTranslation();
  return (
    <Tag color={CHANNEL_COLORS[channel]} icon={ICONS[channel]} data-testid={`channel-${channel}`}>
      {t(`interaction.channel.${channel}`)}
    </Tag>
  );
}

/** The channel's icon alone, for select options. */
export function ChannelIcon({ channel }: { channel: Channel }) {
  return <>{ICONS[channel]}</>;
}

type StepProps = {
  step: Pick<Interaction, 'next_step' | 'next_step_due' | 'next_step_done_at'>;
  /** The business day (YYYY-MM-DD) the step is judged on. */
  today: string;
};

/** When a next step is due: overdue in red, due today in orange, done in green. */
export function NextStepDue({ step, today }: StepProps) {
  const { t } = useTranslation();
  const state = nextStepState(step, today);
  switch (state) {
    case 'none':
      return null;
    case 'done':
      return <Tag color="green">{t('interaction.stepDone')}</Tag>;
    case 'overdue':
      return (
        <Tag color="red" data-testid="step-overdue">
          {t('interaction.stepState.overdue', {
            count: daysBetween(step.next_step_due ?? today, today),
          })}
          {' · '}
          {t('interaction.due', { date: step.next_step_due })}
        </Tag>
      );
    case 'dueToday':
      return <Tag color="orange">{t('interaction.stepState.dueToday')}</Tag>;
    case 'undated':
      return (
        <Typography.Text type="secondary">{t('interaction.stepState.undated')}</Typography.Text>
      );
    case 'open':
      return <Tag>{t('interaction.due', { date: step.next_step_due })}</Tag>;
  }
}
