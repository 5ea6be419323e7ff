import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../ui/useDebouncedValue';
import { useUserSearch } from './api';

type Props = {
  value?: number | null;
  onChange?: (value: number | null) => void;
  id?: string;
  placeholder?: string;
  /** Shown for the current value before the search has found it. */
  valueLabel?: string | null;
};

/** Picks a user by name, searching the server as the user types; needs `user.read`. */
export function UserSelect({ value, onChange, id, placeholder, valueLabel }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState(false);
  const q = useDebouncedValue(search, 300);
  const users = useUserSearch(q, open || value != null);

  const options = (users.data ?? []).map((u) => ({
    value: u.id,
    label: `${u.display_name} (${u.username})`,
  }));
  if (value != null && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: valueLabel ?? `#${value}` });
  }

  return (
    <Select<number>
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      onDropdownVisibleChange={setOpen}
      showSearch
      filterOption={false}
      onSearch={setSearch}
      options={options}
      loading={users.isFetching}
      allowClear
      placeholder={placeholder ?? t('users.select')}
      notFoundContent={users.isFetching ? t('common.loading') : t('common.noData')}
      style={{ width: '100%' }}
    />
  );
}
