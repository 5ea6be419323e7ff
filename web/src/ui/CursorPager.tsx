import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Where the list is and how to move: `useCursorPages(…).pager(result)` gives it. */
export type CursorPagerState = {
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  loading?: boolean;
};

type Props = CursorPagerState & {
  pageSize: number;
  pageSizes: readonly number[];
  onPageSizeChange: (size: number) => void;
};

/** Previous / next paging over cursors: no page count, since lists are not counted. */
export function CursorPager(props: Props) {
  const { t } = useTranslation();
  return (
    <Space wrap style={{ width: '100%', justifyContent: 'flex-end' }}>
      <Typography.Text type="secondary" data-testid="page-number">
        {t('pager.page', { page: props.page })}
      </Typography.Text>
      <Button
        icon={<LeftOutlined />}
        disabled={!props.hasPrevious || props.loading}
        onClick={props.onPrevious}
        data-testid="page-previous"
      >
        {t('pager.previous')}
      </Button>
      <Button
        disabled={!props.hasNext || props.loading}
        onClick={props.onNext}
        data-testid="page-next"
      >
        {t('pager.next')} <RightOutlined />
      </Button>
      <Select<number>
        aria-label={t('pager.pageSize')}
        value={props.pageSize}
        onChange={props.onPageSizeChange}
        options={props.pageSizes.map((n) => ({
          value: n,
          label: t('pager.perPage', { count: n }),
        }))}
      />
    </Space>
  );
}
