import { DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import type { Contact } from '../../api/types';
import { errorMessage, formFieldErrors } from '../../app/errors';
import { ProblemAlert, StaleAlert } from '../../ui/FormAlerts';
import { checkRule, maxCharsRule, requiredRule } from '../validation/formRules';
import { isCivilDate, isValidEmail, isValidPhone } from '../validation/rules';
import { fetchContact, useSaveContact } from './api';
import { BUYING_ROLES } from './buyingRoles';
import {
  CONTACT_FIELDS,
  changedContactFields,
  contactValuesOf,
  toContactBody,
  type ContactField,
  type ContactFormValues,
} from './contactForm';

type Props = {
  customerId: number;
  /** The contact to edit; undefined to add one. */
  contact?: Contact;
  contacts: readonly Contact[];
  onClose: () => void;
};

/**
 * Adds a contact (联系人) or changes one. Changes are based on the version read (If-Match);
 * a 412 says which fields someone else changed meanwhile, and saving waits for a reload,
 * which shows the contact as stored now in place of what was typed.
 */
export function ContactFormModal({ customerId, contact, contacts, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ContactFormValues>();
  const save = useSaveContact(customerId);
  // The version the edit started from: its `version` goes in If-Match.
  const [base, setBase] = useState<Contact | undefined>(contact);
  const [initialValues] = useState(() => (contact ? contactValuesOf(contact) : undefined));
  // After a 412: the fields someone else changed (empty when not known); null otherwise.
  const [stale, setStale] = useState<ContactField[] | null>(null);
  const [checking, setChecking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const handleStale = async (from: Contact) => {
    setChecking(true);
    try {
      const latest = await fetchContact(customerId, from.id);
      setStale(changedContactFields(from, latest));
    } catch {
      setStale([]);
    } finally {
      setChecking(false);
    }
  };

  const handleFinish = async (values: ContactFormValues) => {
    setProblem(null);
    try {
      await save.mutateAsync({ contact: base, values: toContactBody(values) });
      onClose();
    } catch (e) {
      if (base && isApiError(e) && e.isStaleVersion) {
        await handleStale(base);
        return;
      }
      form.setFields(formFieldErrors(t, e, CONTACT_FIELDS));
    }
  };

  const handleReload = async () => {
    if (!base) return;
    setProblem(null);
    try {
      const latest = await fetchContact(customerId, base.id);
      setBase(latest);
      form.setFieldsValue(contactValuesOf(latest));
      setStale(null);
    } catch (e) {
      setProblem(errorMessage(t, e));
    }
  };

  const changedNames = (stale ?? [])
    .map((f) => t(`contact.field.${f}`))
    .join(t('common.listSeparator'));
  const managers = contacts.filter((c) => c.id !== base?.id);
  return (
    <Modal
      open
      title={base ? t('contacts.edit') : t('contacts.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      okButtonProps={{ disabled: stale !== null, 'data-testid': 'contact-ok' }}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending || checking}
      destroyOnHidden
      width={640}
      data-testid="contact-modal"
    >
      {stale && (
        <StaleAlert
          title={t('contacts.stale.title')}
          description={
            stale.length > 0
              ? t('contacts.stale.changed', { fields: changedNames })
              : t('contacts.stale.description')
          }
          onReload={() => void handleReload()}
        />
      )}
      <ProblemAlert testId="contact-problem" title={t('contacts.notSaved')} problem={problem} />
      <Form<ContactFormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(v) => void handleFinish(v)}
        data-testid="contact-form"
      >
        <Form.Item
          name="name"
          label={t('contact.field.name')}
          rules={[requiredRule(t), maxCharsRule(t, 100)]}
        >
          <Input autoFocus data-testid="contact-name" />
        </Form.Item>
        <Form.Item name="title" label={t('contact.field.title')} rules={[maxCharsRule(t, 100)]}>
          <Input data-testid="contact-title" />
        </Form.Item>
        <Form.Item
          name="department"
          label={t('contact.field.department')}
          rules={[maxCharsRule(t, 100)]}
        >
          <Input data-testid="contact-department" />
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
          <Input inputMode="tel" data-testid="contact-phone" />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('contact.field.email')}
          rules={[checkRule(t, 'invalid_email', isValidEmail)]}
        >
          <Input inputMode="email" data-testid="contact-email" />
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
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} data-testid="contact-interests" />
        </Form.Item>
        <Form.Item name="notes" label={t('contact.field.notes')} rules={[maxCharsRule(t, 2000)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="contact-notes" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
