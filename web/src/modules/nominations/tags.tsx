import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Nomination, NominationStatus } from '../../api/types';
import { TierTag } from '../tiering/tags';
import { approverText } from './labels';
import { formatMetrics, levelOf } from './rules';

const STATUS_COLORS: Record<NominationStatus, string> = {
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
  withdrawn: 'default',
};

export function NominationStatusTag({ status }: { status: NominationStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid={`status-${status}`}>
      {t(`nomination.status.${status}`)}
    </Tag>
  );
}

/** What is asked: a key account (with a proposed tier, if any), or a tier under a scheme. */
export function Proposal({ nomination: n }: { nomination: Nomination }) {
  const { t } = useTranslation();
  if (n.kind === 'nominate') {
    return (
      <Space size={4} wrap>
        <Tag color="gold">{t('nomination.kind.nominate')}</Tag>
        {n.proposed_tier && <TierTag tier={n.proposed_tier} />}
      </Space>
    );
  }
  return (
    <Space size={4} wrap>
      <Tag color="purple">{t('nomination.kind.change')}</Tag>
      {n.scheme_name && <Typography.Text type="secondary">{n.scheme_name}</Typography.Text>}
      {n.proposed_tier ? (
        <TierTag tier={n.proposed_tier} />
      ) : (
        <Tag color="red">{t('nomination.revoke')}</Tag>
      )}
    </Space>
  );
}

/** Who decides now: "level 1/2 · director · East region"; nothing once decided. */
export function WaitingFor({ nomination: n }: { nomination: Nomination }) {
  const { t } = useTranslation();
  const level = levelOf(n);
  if (!level) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <span data-testid="waiting-for">
      <Tag>{t('nomination.levelOf', level)}</Tag>
      {approverText(t, n)}
    </span>
  );
}

/** Revenue, orders and margin of the 12 months before (re)submission. */
export function Metrics({ nomination: n, inline }: { nomination: Nomination; inline?: boolean }) {
  const { t } = useTranslation();
  const m = formatMetrics(n.metrics);
  const rows = [
    [t('nomination.metrics.revenue'), m.revenue],
    [t('nomination.metrics.orders'), m.orders],
    [t('nomination.metrics.margin'), m.margin],
  ] as const;
  if (inline) {
    return (
      <Typography.Text>
        {rows.map(([label, value]) => `${label} ${value}`).join(' · ')}
      </Typography.Text>
    );
  }
  return (
    <div data-testid="metrics" style={{ whiteSpace: 'nowrap', fontSize: 12 }}>
      {rows.map(([label, value]) => (
        <div key={label}>
          <Typography.Text type="secondary">{label}</Typography.Text> {value}
        </div>
      ))}
    </div>
  );
}
