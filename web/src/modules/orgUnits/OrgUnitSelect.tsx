import { TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOrgUnits } from './api';
import { orgUnitTree, type OrgUnitNode } from './tree';

type Option = { value: number; title: string; children: Option[] };

function toOptions(nodes: OrgUnitNode[]): Option[] {
  return nodes.map((n) => ({
    value: n.unit.id,
    title: n.unit.name,
    children: toOptions(n.children),
  }));
}

type Props = {
  value?: number | null;
  onChange?: (value: number | null) => void;
  id?: string;
  allowClear?: boolean;
  disabled?: boolean;
};

/** Picks an org unit from the tree; a form control (value/onChange). */
export function OrgUnitSelect({ value, onChange, id, allowClear, disabled }: Props) {
  const { t } = useTranslation();
  const units = useOrgUnits();
  return (
    <TreeSelect<number>
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      treeData={toOptions(orgUnitTree(units.data ?? []))}
      loading={units.isPending}
      treeDefaultExpandAll
      allowClear={allowClear}
      disabled={disabled}
      showSearch
      treeNodeFilterProp="title"
      placeholder={t('orgUnits.select')}
      style={{ width: '100%' }}
    />
  );
}
