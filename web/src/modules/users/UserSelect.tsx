import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types';
import { useDebouncedValue } from '../../ui/useDebouncedValue';
import { useUserSearch, type UserFilters } from './api';

type Props = {
  value?: number | null;
  onChange?: (value: number | null) => void;
  id?: string;
  placeholder?: string;
  /** Shown for the current value before the search has found it. */
  valueLabel?: string | null;
  /** Narrows the search, e.g. to active users. */
  filters?: UserFilters;
  /** Why a user cannot be chosen, shown beside the name; null when they can. */
  unavailable?: (user: User) => string | null;
  /** Called with the record of the user chosen. */
  onPick?: (user: User) => void;
  /** Takes the keyboard focus when it appears. */
  autoFocus?: boolean;
  'data-testid'?: string;
};

/** Picks a user by name, searching the server as the user types; needs `user.read`. */
export function UserSelect({
  value,
  onChange,
  id,
  placeholder,
  valueLabel,
  filters,
  unavailable,
  onPick,
  ...rest
}: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState(false);
  const q = useDebouncedValue(search, 300);
  const users = useUserSearch(q, open || value != null, filters);

  const options = (users.data ?? []).map((u) => {
    const why = unavailable?.(u) ?? null;
    const label = `${u.display_name} (${u.username})`;
    return { value: u.id, label: why ? `${label} · ${why}` : label, disabled: why !== null };
  });
  if (value != null && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: valueLabel ?? `#${value}`, disabled: false });
  }

  return (
    <Select<number>
      id={id}
      value={value ?? undefined}
      onChange={(v) => {
        onChange?.(v ?? null);
        const user = users.data?.find((u) => u.id === v);
        if (user) onPick?.(user);
      }}
      onOpenChange={setOpen}
      showSearch
      filterOption={false}
      onSearch={setSearch}
      options={options}
      loading={users.isFetching}
      allowClear
      placeholder={placeholder ?? t('users.select')}
      notFoundContent={users.isFetching ? t('common.loading') : t('common.noData')}
      style={{ width: '100%' }}
      {...rest}
    />
  );
}
