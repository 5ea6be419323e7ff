import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Radio, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HandoverMode, User } from '../../api/types';
import { fieldProblemMessage } from '../../app/errors';
import { UserSelect } from '../users/UserSelect';
import { chosenSuccessors, fittingMode, MAX_SUCCESSORS } from './order';
import { successorUnavailable } from './rules';

type Props = {
  leavingId: number | null;
  rows: (number | null)[];
  onRowsChange: (rows: (number | null)[]) => void;
  mode: HandoverMode;
  onModeChange: (mode: HandoverMode) => void;
  /** The server's problem with each row's successor. */
  problems: Map<number, string>;
  /** Remembers the records of the users picked (their names and roles). */
  onPick: (user: User) => void;
  names: Map<number, string>;
};

/** Step (b): the successors, one picker a row, and how the customers are shared out. */
export function SuccessorRows({
  leavingId,
  rows,
  onRowsChange,
  mode,
  onModeChange,
  problems,
  onPick,
  names,
}: Props) {
  const { t } = useTranslation();
  const chosen = chosenSuccessors(rows);
  const count = chosen.length;

  const setRow = (row: number, id: number | null) => {
    const next = rows.map((v, i) => (i === row ? id : v));
    onRowsChange(next);
    onModeChange(fittingMode(mode, chosenSuccessors(next).length));
  };
  const removeRow = (row: number) => {
    const next = rows.filter((_, i) => i !== row);
    onRowsChange(next.length ? next : [null]);
    onModeChange(fittingMode(mode, chosenSuccessors(next).length));
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="successors">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('handover.successorsHint')}
      </Typography.Paragraph>
      <Form layout="vertical" component="div">
        {rows.map((id, row) => {
          const problem = problems.get(row);
          return (
            <Form.Item
              key={row}
              label={t('handover.successorNumber', { n: row + 1 })}
              htmlFor={`successor-${row}`}
              validateStatus={problem ? 'error' : undefined}
              help={problem ? fieldProblemMessage(t, problem) : undefined}
              style={{ marginBottom: 12 }}
            >
              <Space.Compact style={{ width: '100%', maxWidth: 480 }}>
                <UserSelect
                  id={`successor-${row}`}
                  value={id}
                  valueLabel={id !== null ? names.get(id) : null}
                  onChange={(v) => setRow(row, v)}
                  onPick={onPick}
                  autoFocus={row === rows.length - 1 && id === null}
                  filters={{ active: true }}
                  placeholder={t('handover.pickSuccessor')}
                  unavailable={(u) => {
                    const why = successorUnavailable(
                      u,
                      leavingId,
                      chosen.filter((c) => c !== id),
                    );
                    return why && t(`handover.unavailable.${why}`);
                  }}
                  data-testid={`successor-${row}`}
                />
                <Button
                  icon={<DeleteOutlined />}
                  aria-label={t('handover.removeSuccessor')}
                  disabled={rows.length === 1 && id === null}
                  onClick={() => removeRow(row)}
                  data-testid={`successor-${row}-remove`}
                />
              </Space.Compact>
            </Form.Item>
          );
        })}
      </Form>
      <Button
        type="dashed"
        icon={<PlusOutlined />}
        disabled={rows.length >= MAX_SUCCESSORS || rows.some((r) => r === null)}
        onClick={() => onRowsChange([...rows, null])}
        data-testid="add-successor"
      >
        {t('handover.addSuccessor')}
      </Button>
      <div>
        <Typography.Text strong id="handover-mode-label">
          {t('handover.field.mode')}
        </Typography.Text>
        <Radio.Group
          aria-labelledby="handover-mode-label"
          value={mode}
          onChange={(e) => onModeChange(e.target.value as HandoverMode)}
          style={{ display: 'flex', flexDirection: 'column', gap: 8, marginTop: 8 }}
          data-testid="handover-mode"
        >
          <Radio value="single" disabled={count > 1}>
            {t('handover.mode.single')}
            <Typography.Text type="secondary"> — {t('handover.modeHint.single')}</Typography.Text>
          </Radio>
          <Radio value="round_robin" disabled={count < 2}>
            {t('handover.mode.round_robin')}
            <Typography.Text type="secondary">
              {' '}
              — {t('handover.modeHint.round_robin')}
            </Typography.Text>
          </Radio>
          <Radio value="mapping">
            {t('handover.mode.mapping')}
            <Typography.Text type="secondary"> — {t('handover.modeHint.mapping')}</Typography.Text>
          </Radio>
        </Radio.Group>
      </div>
    </Space>
  );
}
