import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Popover, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ColumnSettings } from './useColumnSettings';

type Props = {
  columns: { key: string; title: string }[];
  value: ColumnSettings;
  defaults: ColumnSettings;
  onChange: (next: ColumnSettings) => void;
};

/** Shows or hides the list's columns; the choice is kept per user. */
export function ColumnSettingsButton({ columns, value, defaults, onChange }: Props) {
  const { t } = useTranslation();
  const hidden = new Set(value.hidden);
  const toggle = (key: string, show: boolean) =>
    onChange({
      hidden: columns.map((c) => c.key).filter((k) => (k === key ? !show : hidden.has(k))),
    });

  const content = (
    <Space direction="vertical" data-testid="column-settings">
      {columns.map((c) => (
        <Checkbox
          key={c.key}
          checked={!hidden.has(c.key)}
          onChange={(e) => toggle(c.key, e.target.checked)}
        >
          {c.title}
        </Checkbox>
      ))}
      <Button size="small" type="link" onClick={() => onChange(defaults)} style={{ padding: 0 }}>
        {t('common.reset')}
      </Button>
    </Space>
  );
  return (
    <Popover
      content={content}
      title={t('customers.columns')}
      trigger="click"
      placement="bottomRight"
    >
      <Button icon={<SettingOutlined />} aria-label={t('customers.columns')} />
    </Popover>
  );
}
