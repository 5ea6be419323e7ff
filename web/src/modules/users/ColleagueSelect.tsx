import { Select } from 'antd';
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserWhoSees } from '../../api/types';
import { useDebouncedValue } from '../../ui/useDebouncedValue';
import { useColleaguesWhoSee, useSeesCustomer } from './api';

type Props = {
  /** The customer the colleague must see; none chosen yet disables the picker. */
  customerId: number | null;
  value?: number | null;
  onChange?: (value: number | null) => void;
  id?: string;
  placeholder?: string;
  /** Shown for the current value before the search has found it. */
  valueLabel?: string | null;
  /** Why a colleague cannot be chosen, shown beside the name; null when they can. */
  unavailable?: (user: UserWhoSees) => string | null;
  /** Called with the colleague chosen. */
  onPick?: (user: UserWhoSees) => void;
  'data-testid'?: string;
};

/** "王芳 · 主管": the name and the role in the console's language. */
function colleagueLabel(t: TFunction, u: Pick<UserWhoSees, 'display_name' | 'role'>) {
  return `${u.display_name} · ${t(`role.${u.role}`)}`;
}

/**
 * Picks an active colleague who sees the customer (GET /customers/{id}/users), searching by
 * name as the user types; open to every role that sees the customer. When the customer
 * changes, a chosen colleague who does not see the new one is cleared (as is any colleague
 * when no customer is chosen).
 */
export function ColleagueSelect({
  customerId,
  value,
  onChange,
  id,
  placeholder,
  valueLabel,
  unavailable,
  onPick,
  ...rest
}: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState(false);
  // The colleague last chosen, so their name stays while another search runs.
  const [chosen, setChosen] = useState<UserWhoSees | null>(null);
  const q = useDebouncedValue(search, 300);
  const colleagues = useColleaguesWhoSee(customerId, q, open || value != null);
  const seesCustomer = useSeesCustomer();

  const followed = useRef(customerId);
  useEffect(() => {
    if (followed.current === customerId) return;
    followed.current = customerId;
    setSearch('');
    if (value == null) return;
    if (customerId == null) {
      onChange?.(null);
      return;
    }
    const known = chosen?.id === value ? chosen : null;
    if (!known) {
      onChange?.(null);
      return;
    }
    let current = true;
    seesCustomer(customerId, known.id, known.username).then(
      (sees) => current && !sees && onChange?.(null),
      () => current && onChange?.(null),
    );
    return () => {
      current = false;
    };
    // Runs when the customer changes, and only then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [customerId]);

  const options = (colleagues.data ?? []).map((u) => {
    const why = unavailable?.(u) ?? null;
    const label = colleagueLabel(t, u);
    return { value: u.id, label: why ? `${label} · ${why}` : label, disabled: why !== null };
  });
  if (value != null && !options.some((o) => o.value === value)) {
    options.unshift({
      value,
      label: chosen?.id === value ? colleagueLabel(t, chosen) : (valueLabel ?? `#${value}`),
      disabled: false,
    });
  }

  return (
    <Select<number>
      id={id}
      value={value ?? undefined}
      onChange={(v) => {
        onChange?.(v ?? null);
        const user = colleagues.data?.find((u) => u.id === v);
        if (user) {
          setChosen(user);
          onPick?.(user);
        }
      }}
      onOpenChange={setOpen}
      showSearch
      filterOption={false}
      onSearch={setSearch}
      options={options}
      loading={colleagues.isFetching}
      allowClear
      disabled={customerId == null}
      placeholder={customerId == null ? t('interaction.pickCustomerFirst') : placeholder}
      notFoundContent={colleagues.isFetching ? t('common.loading') : t('colleague.none')}
      style={{ width: '100%' }}
      {...rest}
    />
  );
}
