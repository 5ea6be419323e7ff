import { TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrgUnit } from '../../api/types';
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
  /** The units offered; default every unit. */
  units?: readonly OrgUnit[];
  placeholder?: string;
  'aria-label'?: string;
  'data-testid'?: string;
};

/** Picks an org unit from the tree; a form control (value/onChange). */
export function OrgUnitSelect({ value, onChange, id, allowClear, disabled, ...props }: Props) {
  const { t } = useTranslation();
  const all = useOrgUnits();
  const units = props.units ?? all.data ?? [];
  return (
    <TreeSelect<number>
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      treeData={toOptions(orgUnitTree(units))}
      loading={!props.units && all.isPending}
      treeDefaultExpandAll
      allowClear={allowClear}
      disabled={disabled}
      showSearch
      treeNodeFilterProp="title"
      placeholder={props.placeholder ?? t('orgUnits.select')}
      aria-label={props['aria-label']}
      data-testid={props['data-testid']}
      style={{ width: '100%' }}
    />
  );
}
