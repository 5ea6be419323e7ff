import { Alert, Descriptions, Skeleton, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types';
import { useOrgUnits } from '../orgUnits/api';
import { orgUnitNames } from '../orgUnits/tree';

/** The user who leaves, as the wizard shows them at each step. */
export function LeavingUserCard({ user }: { user: User | null | undefined }) {
  const { t } = useTranslation();
  const units = orgUnitNames(useOrgUnits().data);
  if (user === undefined) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (user === null) {
    return <Alert type="error" showIcon role="alert" message={t('handover.refused.gone')} />;
  }
  return (
    <>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered data-testid="leaving-user">
        <Descriptions.Item label={t('user.field.display_name')}>
          {user.display_name}
        </Descriptions.Item>
        <Descriptions.Item label={t('user.field.username')}>{user.username}</Descriptions.Item>
        <Descriptions.Item label={t('user.field.role')}>{t(`role.${user.role}`)}</Descriptions.Item>
        <Descriptions.Item label={t('user.field.org_unit_id')}>
          {units.get(user.org_unit_id) ?? `#${user.org_unit_id}`}
        </Descriptions.Item>
        <Descriptions.Item label={t('user.field.active')}>
          {user.active ? (
            <Tag color="green">{t('users.active')}</Tag>
          ) : (
            <Tag>{t('users.disabled')}</Tag>
          )}
        </Descriptions.Item>
      </Descriptions>
      {!user.active && (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 12 }}
          message={t('handover.alreadyDisabled', { name: user.display_name })}
        />
      )}
    </>
  );
}
