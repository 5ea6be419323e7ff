import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentSession } from '../../app/sessionContext';
import { useDebouncedValue } from '../../ui/useDebouncedValue';
import { useAccountTeam } from '../accountTeam/api';
import type { KnownUser } from '../interactions/RecordFields';
import { useUserSearch } from '../users/api';

type Props = {
  value?: number[];
  onChange?: (value: number[]) => void;
  id?: string;
  /** Whose account team to offer; null before a customer is chosen. */
  customerId: number | null;
  /** Colleagues already chosen, named (e.g. the plan's participants). */
  known?: readonly KnownUser[];
  placeholder?: string;
  'data-testid'?: string;
};

/**
 * Colleagues who go along on a visit. Offers the account team; users who may look users up
 * (`user.read`) also search everyone active.
 */
export function ParticipantsSelect({
  value,
  onChange,
  id,
  customerId,
  known = [],
  placeholder,
  ...rest
}: Props) {
  const { t } = useTranslation();
  const { user: me, access } = useCurrentSession();
  const canSearch = access.can('user.read');
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState(false);
  const q = useDebouncedValue(search, 300);
  const team = useAccountTeam(customerId ?? 0, customerId != null);
  const found = useUserSearch(q, canSearch && open, { active: true });

  const names = new Map<number, string>();
  for (const u of known) names.set(u.id, u.name ?? `#${u.id}`);
  for (const m of team.data ?? []) names.set(m.user_id, m.user_name ?? `#${m.user_id}`);
  for (const u of found.data ?? []) names.set(u.id, `${u.display_name} (${u.username})`);
  for (const v of value ?? []) if (!names.has(v)) names.set(v, `#${v}`);
  names.delete(me.id);

  return (
    <Select<number[]>
      id={id}
      mode="multiple"
      allowClear
      value={value ?? []}
      onChange={(v) => onChange?.(v)}
      onOpenChange={setOpen}
      showSearch
      onSearch={canSearch ? setSearch : undefined}
      filterOption={
        canSearch ? false : (input, option) => String(option?.label ?? '').includes(input.trim())
      }
      loading={team.isFetching || found.isFetching}
      placeholder={placeholder}
      notFoundContent={t('common.noData')}
      options={[...names].map(([userId, label]) => ({ value: userId, label }))}
      style={{ width: '100%' }}
      {...rest}
    />
  );
}
