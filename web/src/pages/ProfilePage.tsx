import { PageContainer } from '@ant-design/pro-components';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Col, Descriptions, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { formFieldErrors } from '../app/errors';
import { LanguageSwitch } from '../app/LanguageSwitch';
import { useCurrentSession } from '../app/sessionContext';
import { DefaultTeamEditor } from '../modules/accountTeam/DefaultTeamEditor';
import { changePassword } from '../modules/auth/api';
import { canOwnAccounts } from '../modules/handovers/rules';
import { useOrgUnits } from '../modules/orgUnits/api';
import { orgUnitNames } from '../modules/orgUnits/tree';
import { PasswordFields, type NewPassword } from '../modules/validation/PasswordFields';
import { requiredRule } from '../modules/validation/formRules';

type PasswordForm = NewPassword & { current_password: string };

function PasswordCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordForm>();
  const change = useMutation({ meta: { fieldsHandled: true }, mutationFn: changePassword });

  const handleFinish = async ({ current_password, new_password }: PasswordForm) => {
    try {
      await change.mutateAsync({ current_password, new_password });
      form.resetFields();
      void message.success(t('profile.passwordChanged'));
    } catch (e) {
      form.setFields(formFieldErrors(t, e, ['current_password', 'new_password'] as const));
    }
  };

  return (
    <Card title={t('profile.changePassword')}>
      <Form<PasswordForm> form={form} layout="vertical" onFinish={(v) => void handleFinish(v)}>
        <Form.Item
          name="current_password"
          label={t('profile.currentPassword')}
          rules={[requiredRule(t)]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <PasswordFields />
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {t('profile.changePassword')}
        </Button>
      </Form>
    </Card>
  );
}

export default function ProfilePage() {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const unit = orgUnitNames(useOrgUnits().data).get(user.org_unit_id);
  return (
    <PageContainer title={t('menu.profile')}>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('profile.me')}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('user.field.username')}>
                {user.username}
              </Descriptions.Item>
              <Descriptions.Item label={t('user.field.display_name')}>
                {user.display_name}
              </Descriptions.Item>
              <Descriptions.Item label={t('user.field.role')}>
                {t(`role.${user.role}`)}
              </Descriptions.Item>
              <Descriptions.Item label={t('user.field.org_unit_id')}>
                {unit ?? `#${user.org_unit_id}`}
              </Descriptions.Item>
              <Descriptions.Item label={t('header.language')}>
                <LanguageSwitch signedIn />
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <PasswordCard />
        </Col>
        {canOwnAccounts(user.role) && (
          <Col xs={24} lg={12}>
            <Card title={t('defaultTeam.mine')}>
              <DefaultTeamEditor owner={user} />
            </Card>
          </Col>
        )}
      </Row>
    </PageContainer>
  );
}
