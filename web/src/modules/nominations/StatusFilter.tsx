import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import type { NominationStatus } from '../../api/types';
import { NOMINATION_STATUSES } from './api';

type Props = { value?: NominationStatus; onChange: (status?: NominationStatus) => void };

/** All, or one status. */
export function StatusFilter({ value, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <Segmented<string>
      value={value ?? 'all'}
      onChange={(v) => onChange(v === 'all' ? undefined : (v as NominationStatus))}
      options={[
        { value: 'all', label: t('nomination.allStatuses') },
        ...NOMINATION_STATUSES.map((s) => ({ value: s, label: t(`nomination.status.${s}`) })),
      ]}
      data-testid="status-filter"
    />
  );
}
