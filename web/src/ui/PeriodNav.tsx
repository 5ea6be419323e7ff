import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import type { ReactNode } from 'react';

type Props = {
  /** The period shown, e.g. "2026-W48: 2026-11-23 – 2026-11-29". */
  label: ReactNode;
  previousLabel: string;
  nextLabel: string;
  currentLabel: string;
  /** The current period is shown: its button is off. */
  isCurrent: boolean;
  onPrevious: () => void;
  onNext: () => void;
  onCurrent: () => void;
  'data-testid'?: string;
};

/** Previous / this / next over weeks or months, with the period shown between. */
export function PeriodNav(props: Props) {
  return (
    <Space wrap size={8} data-testid={props['data-testid']}>
      <Space.Compact>
        <Button
          icon={<LeftOutlined />}
          aria-label={props.previousLabel}
          title={props.previousLabel}
          onClick={props.onPrevious}
          data-testid="period-previous"
        />
        <Button disabled={props.isCurrent} onClick={props.onCurrent} data-testid="period-current">
          {props.currentLabel}
        </Button>
        <Button
          icon={<RightOutlined />}
          aria-label={props.nextLabel}
          title={props.nextLabel}
          onClick={props.onNext}
          data-testid="period-next"
        />
      </Space.Compact>
      <Typography.Text strong aria-live="polite" data-testid="period-label">
        {props.label}
      </Typography.Text>
    </Space>
  );
}
