import { DownloadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Dropdown, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  EXPORT_FORMATS,
  exportCustomers,
  exportErrorText,
  exportLanguage,
  type ExportFormat,
} from './export';
import type { CustomerQuery } from './listQuery';

/**
 * Export (导出) of the customer list as it is filtered, searched and sorted, as CSV or Excel,
 * in the console's language. Shown only to those with `data.export` (the page decides).
 */
export function ExportCustomersButton({ query }: { query: CustomerQuery }) {
  const { t, i18n } = useTranslation();
  const { message, notification } = App.useApp();
  const run = useMutation({
    meta: { quiet: true }, // said here: an export is no save
    mutationFn: (format: ExportFormat) =>
      exportCustomers(query, format, exportLanguage(i18n.language)),
    onSuccess: ({ rows }) =>
      void message.success(
        rows === null
          ? t('customers.export.doneUncounted')
          : t('customers.export.done', { count: rows }),
      ),
    onError: (error) =>
      notification.error({
        message: t('customers.export.failed'),
        description: exportErrorText(t, error),
        placement: 'topRight',
      }),
  });

  return (
    <Dropdown
      trigger={['click']}
      disabled={run.isPending}
      menu={{
        items: EXPORT_FORMATS.map((format) => ({
          key: format,
          label: t(`customers.export.format.${format}`),
          'data-testid': `customer-export-${format}`,
        })),
        onClick: ({ key }) => run.mutate(key as ExportFormat),
      }}
    >
      <Tooltip title={t('customers.export.logged')}>
        <Button icon={<DownloadOutlined />} loading={run.isPending} data-testid="customer-export">
          {t('customers.export.button')}
        </Button>
      </Tooltip>
    </Dropdown>
  );
}
