import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Form, Row, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import type { Customer } from '../../api/types';
import { formFieldErrors } from '../../app/errors';
import { useCurrentSession } from '../../app/sessionContext';
import { useUpdateCustomer } from './api';
import { changedFields, toFormValues, toPatch, type FormValues } from './dossierForm';
import { fieldRules } from './fieldRules';
import { SECTION_FIELDS, type FieldSpec, type Section } from './fields';
import { FieldInput } from './FieldInput';
import { FieldValue } from './FieldValue';
import { StaleVersionAlert } from './StaleVersionAlert';

type Props = {
  customer: Customer;
  section: Section;
  orgUnitName?: string;
  /** Reads the dossier again from the server; resolves with the latest. */
  onReload: () => Promise<Customer | undefined>;
};

/** One section of the dossier: read it, or edit it with the server's rules and 412 handling. */
export function DossierSection({ customer, section, orgUnitName, onReload }: Props) {
  const { t } = useTranslation();
  const { access } = useCurrentSession();
  const fields = SECTION_FIELDS[section];
  const [form] = Form.useForm<FormValues>();
  const update = useUpdateCustomer(customer.id);
  // The version the edit started from: its `version` goes in If-Match.
  const [base, setBase] = useState<Customer | null>(null);
  const [stale, setStale] = useState<FieldSpec[] | null>(null);
  const editing = base !== null;

  const startEditing = (from: Customer) => {
    setBase(from);
    setStale(null);
    form.setFieldsValue(toFormValues(from, fields));
  };
  const stopEditing = () => {
    setBase(null);
    setStale(null);
    form.resetFields();
  };

  const handleSave = async (values: FormValues) => {
    if (!base) return;
    const patch = toPatch(values, base, fields);
    if (Object.keys(patch).length === 0) {
      stopEditing();
      return;
    }
    try {
      await update.mutateAsync({ version: base.version, patch });
      stopEditing();
    } catch (e) {
      if (isApiError(e) && e.isStaleVersion) {
        const latest = await onReload();
        setStale(latest ? changedFields(base, latest, fields) : []);
      } else {
        form.setFields(
          formFieldErrors(
            t,
            e,
            fields.map((f) => f.name),
          ),
        );
      }
    }
  };

  const handleReload = async () => {
    const latest = await onReload();
    if (latest) startEditing(latest);
  };

  const canEdit = access.can('customer.update');
  const title = t(`dossier.section.${section}`);

  if (!editing) {
    return (
      <Card
        title={title}
        extra={
          canEdit && (
            <Button icon={<EditOutlined />} onClick={() => startEditing(customer)}>
              {t('common.edit')}
            </Button>
          )
        }
      >
        <Descriptions column={{ xs: 1, sm: 1, md: 2, xl: 2 }} bordered size="small">
          {fields.map((f) => (
            <Descriptions.Item key={f.name} label={t(`customer.field.${f.name}`)}>
              <FieldValue customer={customer} field={f} orgUnitName={orgUnitName} />
            </Descriptions.Item>
          ))}
        </Descriptions>
      </Card>
    );
  }

  return (
    <Card title={`${title} · ${t('common.edit')}`}>
      {stale && <StaleVersionAlert changed={stale} onReload={() => void handleReload()} />}
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={(values) => void handleSave(values)}
        scrollToFirstError
        data-testid={`dossier-form-${section}`}
      >
        <Row gutter={16}>
          {fields.map((f) => (
            <Col key={f.name} xs={24} md={f.kind === 'textarea' ? 24 : 12}>
              <Form.Item
                name={f.name}
                label={t(`customer.field.${f.name}`)}
                rules={fieldRules(t, f)}
                validateFirst
              >
                <FieldInput
                  field={f}
                  disabled={f.assign && !access.can('customer.assign')}
                  ownerLabel={customer.owner_name}
                />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Space>
          <Button type="primary" htmlType="submit" loading={update.isPending} disabled={!!stale}>
            {t('common.save')}
          </Button>
          <Button onClick={stopEditing}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
