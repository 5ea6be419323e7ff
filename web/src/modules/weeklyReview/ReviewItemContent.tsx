import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReviewItem } from '../../api/types';
import { ChannelTag, NextStepDue } from '../interactions/tags';
import { VisitStatusTag } from '../visitPlans/tags';
import { whenText } from '../visitPlans/whenText';

/**
 * What a review item says: a contact record's channel, purpose, outcome and next step; a
 * visit plan's day, purpose and status. Both name their customer, linked to the dossier.
 */
export function ReviewItemContent({ item, today }: { item: ReviewItem; today: string }) {
  const { t, i18n } = useTranslation();
  const colon = t('common.colon');
  const i = item.interaction;
  const p = item.visit_plan;
  return (
    <Space direction="vertical" size={2} style={{ minWidth: 240, maxWidth: 560 }}>
      <Space wrap size={[6, 2]}>
        <Tag color={item.kind === 'interaction' ? 'geekblue' : 'cyan'}>
          {t(`weeklyReview.kind.${item.kind}`)}
        </Tag>
        {i && <ChannelTag channel={i.channel} />}
        {p && <VisitStatusTag status={p.status} />}
        <Link
          to={`/customers/${item.customer_id}?tab=${item.kind === 'interaction' ? 'interactions' : 'visits'}`}
        >
          {item.customer_name}
        </Link>
      </Space>
      <Typography.Text strong data-testid="review-purpose">
        {i?.purpose ?? p?.purpose}
      </Typography.Text>
      {p && <Typography.Text type="secondary">{whenText(t, p, i18n.language)}</Typography.Text>}
      {i?.outcome && (
        <Typography.Text>
          <Typography.Text type="secondary">
            {t('interaction.outcome')}
            {colon}
          </Typography.Text>
          {i.outcome}
        </Typography.Text>
      )}
      {i?.next_step && (
        <Space wrap size={[6, 2]}>
          <Typography.Text>
            <Typography.Text type="secondary">
              {t('interaction.nextStep')}
              {colon}
            </Typography.Text>
            {i.next_step}
          </Typography.Text>
          <NextStepDue step={i} today={today} />
        </Space>
      )}
    </Space>
  );
}
