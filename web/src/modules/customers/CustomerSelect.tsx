import { Select, type RefSelectProps } from 'antd';
import { useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../api/types';
import { useDebouncedValue } from '../../ui/useDebouncedValue';
import { useCustomerSearch } from './api';

type Props = {
  value?: number | null;
  onChange?: (value: number | null) => void;
  id?: string;
  ref?: Ref<RefSelectProps>;
  disabled?: boolean;
  placeholder?: string;
  /** Shown for the current value before the search has found it. */
  valueLabel?: string | null;
  /** Called with the record of the customer chosen. */
  onPick?: (customer: Customer) => void;
  'data-testid'?: string;
};

/** Picks a customer in the user's scope by name or number, searching as the user types. */
export function CustomerSelect({
  value,
  onChange,
  id,
  ref,
  disabled,
  placeholder,
  valueLabel,
  onPick,
  ...rest
}: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState(false);
  const q = useDebouncedValue(search.trim(), 300);
  const customers = useCustomerSearch(q, open && !disabled);

  const options = (customers.data ?? []).map((c) => ({ value: c.id, label: c.name }));
  if (value != null && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: valueLabel ?? `#${value}` });
  }

  return (
    <Select<number>
      id={id}
      ref={ref}
      value={value ?? undefined}
      onChange={(v) => {
        onChange?.(v ?? null);
        const customer = customers.data?.find((c) => c.id === v);
        if (customer) onPick?.(customer);
      }}
      onOpenChange={setOpen}
      showSearch
      filterOption={false}
      onSearch={setSearch}
      options={options}
      loading={customers.isFetching}
      disabled={disabled}
      placeholder={placeholder ?? t('customers.pick')}
      notFoundContent={customers.isFetching ? t('common.loading') : t('customers.noMatch')}
      style={{ width: '100%' }}
      {...rest}
    />
  );
}
