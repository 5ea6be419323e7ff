import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TierChangeKind } from '../../api/types';
import type { SchemeKind } from './definition';
import { tierLabel } from './labels';

const KIND_COLORS: Record<TierChangeKind, string> = {
  assign: 'blue',
  upgrade: 'green',
  downgrade: 'orange',
  revoke: 'red',
};

/** A tier, or "no tier" for none. */
export function TierTag({ tier }: { tier: string | null | undefined }) {
  const { t } = useTranslation();
  if (!tier) return <Typography.Text type="secondary">{t('tiering.noTier')}</Typography.Text>;
  return <Tag color="purple">{tierLabel(t, tier)}</Tag>;
}

/** From → to, as tags. */
export function TierMove({ from, to }: { from: string | null; to: string | null }) {
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <TierTag tier={from} /> → <TierTag tier={to} />
    </span>
  );
}

/** Upgrade, downgrade, revoke or assign, each in its colour. */
export function ChangeKindTag({ kind }: { kind: TierChangeKind }) {
  const { t } = useTranslation();
  return (
    <Tag color={KIND_COLORS[kind]} data-testid={`change-${kind}`}>
      {t(`tiering.change.${kind}`)}
    </Tag>
  );
}

export function SchemeKindTag({ kind }: { kind: SchemeKind }) {
  const { t } = useTranslation();
  return <Tag>{t(`tiering.kind.${kind}`)}</Tag>;
}
