import { Space, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Contract } from '../../api/types';
import { contractState, endsInDays } from './status';

const COLORS = { active: 'green', expired: 'default', terminated: 'red' } as const;

/**
 * Active (有效), expired (已到期) or terminated (已终止, with its day and reason on hover); an
 * active contract ending within 30 days also says in how many.
 */
export function ContractStateTag({ contract, today }: { contract: Contract; today: string }) {
  const { t } = useTranslation();
  const state = contractState(contract, today);
  const days = endsInDays(contract, today);
  const tag = (
    <Tag color={COLORS[state]} data-testid={`contract-state-${contract.id}`}>
      {t(`contract.state.${state}`)}
    </Tag>
  );
  return (
    <Space size={4} wrap>
      {state === 'terminated' ? (
        <Tooltip
          title={[
            contract.terminated_on && t('contracts.terminatedOn', { date: contract.terminated_on }),
            contract.termination_reason,
          ]
            .filter(Boolean)
            .join(t('common.listSeparator'))}
        >
          {tag}
        </Tooltip>
      ) : (
        tag
      )}
      {days !== null && (
        <Tag color="orange" data-testid={`contract-ends-soon-${contract.id}`}>
          {days === 0 ? t('contracts.endsToday') : t('contracts.endsSoon', { count: days })}
        </Tag>
      )}
    </Space>
  );
}
