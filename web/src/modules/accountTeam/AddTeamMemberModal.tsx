import { Alert, App, Form, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountTeamMember, Customer, TeamRole, User } from '../../api/types';
import { errorMessage, formFieldErrors } from '../../app/errors';
import { UserSelect } from '../users/UserSelect';
import { requiredRule } from '../validation/formRules';
import { useAddTeamMember } from './api';
import { addRefusal, unpickable } from './rules';
import { TEAM_ROLES, suggestedTeamRole } from './teamRoles';

type Values = { user_id?: number | null; team_role?: TeamRole };

const FIELDS = ['user_id', 'team_role'] as const;

type Props = {
  customer: Pick<Customer, 'id' | 'name' | 'owner_id'>;
  members: readonly AccountTeamMember[];
  open: boolean;
  onClose: () => void;
};

/**
 * Adds a user to the account team: a user picker (the owner and members cannot be chosen)
 * and their part in the team. Field problems show on the fields, refusals above the form.
 * Mount it when asked for: it starts empty each time.
 */
export function AddTeamMemberModal({ customer, members, open, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const add = useAddTeamMember(customer.id);
  const [picked, setPicked] = useState<User | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const handlePick = (user: User) => {
    setPicked(user);
    setProblem(null);
    const suggested = suggestedTeamRole(user.role);
    if (suggested && !form.isFieldTouched('team_role')) {
      form.setFieldsValue({ team_role: suggested });
    }
  };

  const handleFinish = async (values: Values) => {
    if (!values.user_id || !values.team_role) return;
    setProblem(null);
    const name = picked?.id === values.user_id ? picked.display_name : `#${values.user_id}`;
    try {
      await add.mutateAsync({ user_id: values.user_id, team_role: values.team_role });
      void message.success(
        t('accountTeam.added', { name, role: t(`accountTeam.role.${values.team_role}`) }),
      );
      onClose();
    } catch (e) {
      const fields = formFieldErrors(t, e, FIELDS);
      if (fields.length) {
        form.setFields(fields);
        return;
      }
      const refusal = addRefusal(e, values.user_id, customer);
      setProblem(refusal ? t(refusal, { name, customer: customer.name }) : errorMessage(t, e));
    }
  };

  const why = (user: User) => {
    const reason = unpickable(user, customer, members);
    return reason && t(`accountTeam.unavailable.${reason}`);
  };

  return (
    <Modal
      open={open}
      title={t('accountTeam.addTitle', { customer: customer.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('accountTeam.add')}
      okButtonProps={{ 'data-testid': 'team-add-ok' }}
      cancelText={t('common.cancel')}
      confirmLoading={add.isPending}
      destroyOnHidden
      data-testid="team-add-modal"
    >
      {problem && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="team-problem"
          message={t('accountTeam.refused.title')}
          description={problem}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void handleFinish(v)}>
        <Form.Item name="user_id" label={t('accountTeam.member')} rules={[requiredRule(t)]}>
          <UserSelect
            placeholder={t('users.search')}
            filters={{ active: true }}
            unavailable={why}
            onPick={handlePick}
            data-testid="team-user"
          />
        </Form.Item>
        <Form.Item
          name="team_role"
          label={t('accountTeam.teamRole')}
          rules={[requiredRule(t)]}
          extra={t('accountTeam.teamRoleHint')}
        >
          <Select<TeamRole>
            options={TEAM_ROLES.map((r) => ({ value: r, label: t(`accountTeam.role.${r}`) }))}
            data-testid="team-role"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
