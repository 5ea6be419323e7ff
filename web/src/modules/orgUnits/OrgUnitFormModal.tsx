import { Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgUnit, OrgUnitCreate } from '../../api/types';
import { formFieldErrors } from '../../app/errors';
import { maxCharsRule, requiredRule } from '../validation/formRules';
import { trimSpace } from '../validation/rules';
import { ORG_UNIT_KINDS, useSaveOrgUnit } from './api';
import { OrgUnitSelect } from './OrgUnitSelect';

type Props = {
  /** The unit to edit, or the parent of a new one. */
  target: { unit?: OrgUnit; parentId?: number | null } | null;
  onClose: () => void;
};

export function OrgUnitFormModal({ target, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<OrgUnitCreate>();
  const save = useSaveOrgUnit();
  const open = target !== null;

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    const { name, kind, parent_id } = target.unit ?? { parent_id: target.parentId };
    form.setFieldsValue({ name, kind, parent_id: parent_id ?? undefined });
  }, [target, form]);

  const handleFinish = async (values: OrgUnitCreate) => {
    const body = { ...values, name: trimSpace(values.name), parent_id: values.parent_id ?? null };
    try {
      await save.mutateAsync({ unit: target?.unit, values: body });
      onClose();
    } catch (e) {
      form.setFields(formFieldErrors(t, e, ['name', 'kind', 'parent_id'] as const));
    }
  };

  return (
    <Modal
      open={open}
      title={target?.unit ? t('orgUnits.edit') : t('orgUnits.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form<OrgUnitCreate> form={form} layout="vertical" onFinish={(v) => void handleFinish(v)}>
        <Form.Item
          name="name"
          label={t('orgUnit.field.name')}
          rules={[requiredRule(t), maxCharsRule(t, 100)]}
        >
          <Input autoFocus />
        </Form.Item>
        <Form.Item name="kind" label={t('orgUnit.field.kind')} rules={[requiredRule(t)]}>
          <Select
            options={ORG_UNIT_KINDS.map((k) => ({ value: k, label: t(`orgUnit.kind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="parent_id" label={t('orgUnit.field.parent_id')}>
          <OrgUnitSelect allowClear />
        </Form.Item>
      </Form>
    </Modal>
  );
}
