import { Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types';
import { DefaultTeamEditor } from './DefaultTeamEditor';

/** The default team of a user of the users list, in a dialog. Mount it when asked for. */
export function DefaultTeamModal({
  user,
  onClose,
}: {
  user: Pick<User, 'id' | 'display_name'>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={t('defaultTeam.titleOf', { name: user.display_name })}
      onCancel={onClose}
      footer={null}
      width={680}
      destroyOnHidden
      data-testid="default-team-modal"
    >
      <DefaultTeamEditor owner={user} />
    </Modal>
  );
}
