import { DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact, ContactCreate } from '../../api/types';
import { formFieldErrors } from '../../app/errors';
import { checkRule, maxCharsRule, requiredRule } from '../validation/formRules';
import { isCivilDate, isValidEmail, isValidPhone, trimSpace } from '../validation/rules';
import { useSaveContact } from './api';
import { BUYING_ROLES } from './buyingRoles';

type Values = Omit<ContactCreate, 'birthday'> & { birthday?: Dayjs | null };

const TEXT_FIELDS = [
  'name',
  'title',
  'department',
  'phone',
  'email',
  'interests',
  'notes',
] as const;
const ALL_FIELDS = [...TEXT_FIELDS, 'buying_role', 'reports_to_id', 'birthday'] as const;

type Props = {
  customerId: number;
  /** The contact to edit; undefined to add one. */
  contact?: Contact;
  contacts: readonly Contact[];
  open: boolean;
  onClose: () => void;
};

function toBody(values: Values): ContactCreate {
  const body: ContactCreate = { name: '' };
  for (const f of TEXT_FIELDS) body[f] = trimSpace(values[f] ?? '');
  body.buying_role = values.buying_role ?? null;
  body.reports_to_id = values.reports_to_id ?? null;
  body.birthday = values.birthday ? values.birthday.format('YYYY-MM-DD') : null;
  return body;
}

export function ContactFormModal({ customerId, contact, contacts, open, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSaveContact(customerId);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (contact) {
      form.setFieldsValue({
        ...contact,
        birthday: contact.birthday ? dayjs(contact.birthday, 'YYYY-MM-DD') : null,
      });
    }
  }, [open, contact, form]);

  const handleFinish = async (values: Values) => {
    try {
      await save.mutateAsync({ contact, values: toBody(values) });
      onClose();
    } catch (e) {
      form.setFields(formFieldErrors(t, e, ALL_FIELDS));
    }
  };

  const managers = contacts.filter((c) => c.id !== contact?.id);
  return (
    <Modal
      open={open}
      title={contact ? t('contacts.edit') : t('contacts.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      destroyOnHidden
      width={640}
    >
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void handleFinish(v)}>
        <Form.Item
          name="name"
          label={t('contact.field.name')}
          rules={[requiredRule(t), maxCharsRule(t, 100)]}
        >
          <Input autoFocus />
        </Form.Item>
        <Form.Item name="title" label={t('contact.field.title')} rules={[maxCharsRule(t, 100)]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="department"
          label={t('contact.field.department')}
          rules={[maxCharsRule(t, 100)]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="buying_role" label={t('contact.field.buying_role')}>
          <Select
            allowClear
            options={BUYING_ROLES.map((r) => ({ value: r, label: t(`contact.buyingRole.${r}`) }))}
          />
        </Form.Item>
        <Form.Item name="reports_to_id" label={t('contact.field.reports_to_id')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            options={managers.map((c) => ({
              value: c.id,
              label: `${c.name}${c.title ? ` · ${c.title}` : ''}`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('contact.field.phone')}
          rules={[checkRule(t, 'invalid_phone', isValidPhone)]}
        >
          <Input inputMode="tel" />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('contact.field.email')}
          rules={[checkRule(t, 'invalid_email', isValidEmail)]}
        >
          <Input inputMode="email" />
        </Form.Item>
        <Form.Item
          name="birthday"
          label={t('contact.field.birthday')}
          rules={[
            {
              validator: async (_r, v: Dayjs | null | undefined) => {
                if (v && !isCivilDate(v.format('YYYY-MM-DD')))
                  throw new Error(t('errors.field.invalid_date'));
              },
            },
          ]}
        >
          <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="interests"
          label={t('contact.field.interests')}
          rules={[maxCharsRule(t, 500)]}
        >
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
        <Form.Item name="notes" label={t('contact.field.notes')} rules={[maxCharsRule(t, 2000)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
