import type { VisitStatus } from '../../api/types';

/** antd tag colours: to come blue, missed red, done green, cancelled grey. */
export const STATUS_COLORS: Record<VisitStatus, string> = {
  planned: 'blue',
  missed: 'red',
  completed: 'green',
  cancelled: 'default',
};

/** The same as plain colours, for a month cell's dots. */
export const STATUS_DOT_COLORS: Record<VisitStatus, string> = {
  planned: '#1677ff',
  missed: '#ff4d4f',
  completed: '#52c41a',
  cancelled: '#bfbfbf',
};
