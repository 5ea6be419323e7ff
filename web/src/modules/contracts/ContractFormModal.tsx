import { Col, DatePicker, Form, Input, Modal, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import type { Contract } from '../../api/types';
import { errorMessage } from '../../app/errors';
import { placeFieldProblems } from '../../app/fieldProblems';
import { ProblemAlert, StaleAlert } from '../../ui/FormAlerts';
import { focusOnOpen } from '../../ui/focusOnOpen';
import { KeysFooter, SubmitOnEnter } from '../../ui/SubmitOnEnter';
import { maxCharsRule, requiredRule } from '../validation/formRules';
import { fetchContract, useSaveContract } from './api';
import { amountRule, notBeforeStartRule } from './contractRules';
import {
  contractFieldOf,
  contractValuesOf,
  newContractValues,
  toContractCreate,
  toContractPatch,
  type ContractFormValues,
} from './contractForm';

type Props = {
  customerId: number;
  /** The contract to change; undefined to record a new one. */
  contract?: Contract;
  onClose: () => void;
};

/**
 * Records a contract (合同) or changes one: number and title, signed, start and end days (no
 * end: open-ended), the value in yuan, notes. Checked as the server checks; the server's
 * field problems (a number already used for the customer included) show at their fields.
 * Changes are based on the version read (If-Match); a 412 says so and offers to reload.
 * Enter saves (Ctrl+Enter in the notes), Esc closes.
 */
export function ContractFormModal({ customerId, contract, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ContractFormValues>();
  const save = useSaveContract(customerId);
  const [base, setBase] = useState<Contract | undefined>(contract);
  const [initialValues] = useState(() =>
    contract ? contractValuesOf(contract) : newContractValues(),
  );
  const [problem, setProblem] = useState<string | null>(null);
  const [stale, setStale] = useState(false);

  const handleFinish = async (values: ContractFormValues) => {
    setProblem(null);
    try {
      if (base) {
        const patch = toContractPatch(values, base);
        if (Object.keys(patch).length > 0) await save.mutateAsync({ contract: base, body: patch });
      } else {
        await save.mutateAsync({ body: toContractCreate(values) });
      }
      onClose();
    } catch (e) {
      if (isApiError(e) && e.isStaleVersion) {
        setStale(true);
        return;
      }
      const { fields, unplaced } = placeFieldProblems(t, e, contractFieldOf);
      form.setFields(fields);
      if (unplaced.length) setProblem(unplaced.join(t('common.listSeparator')));
      else if (fields.length === 0) setProblem(errorMessage(t, e));
    }
  };

  const handleReload = async () => {
    if (!base) return;
    try {
      const latest = await fetchContract(customerId, base.id);
      setBase(latest);
      form.setFieldsValue(contractValuesOf(latest));
      setStale(false);
    } catch (e) {
      setProblem(errorMessage(t, e));
    }
  };

  const startsOn = () =>
    (form.getFieldValue('starts_on') as Dayjs | null)?.format('YYYY-MM-DD') ?? null;

  return (
    <Modal
      open
      title={base ? t('contracts.editTitle', { number: base.number }) : t('contracts.add')}
      onCancel={onClose}
      afterOpenChange={(open) => open && focusOnOpen(() => form.focusField('number'))}
      onOk={() => form.submit()}
      okText={t('common.save')}
      okButtonProps={{ disabled: stale, 'data-testid': 'contract-ok' }}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      footer={(_, { OkBtn, CancelBtn }) => (
        <KeysFooter hint={t('interaction.keys')}>
          <CancelBtn />
          <OkBtn />
        </KeysFooter>
      )}
      width={640}
      destroyOnHidden
      data-testid="contract-modal"
    >
      {stale && (
        <StaleAlert
          title={t('contracts.stale.title')}
          description={t('contracts.stale.description')}
          onReload={() => void handleReload()}
        />
      )}
      <ProblemAlert testId="contract-problem" title={t('contracts.notSaved')} problem={problem} />
      <SubmitOnEnter form={form}>
        <Form<ContractFormValues>
          form={form}
          name="contract"
          layout="vertical"
          initialValues={initialValues}
          onFinish={(v) => void handleFinish(v)}
          data-testid="contract-form"
        >
          <Row gutter={16}>
            <Col xs={24} md={10}>
              <Form.Item
                name="number"
                label={t('contract.field.number')}
                rules={[requiredRule(t), maxCharsRule(t, 50)]}
              >
                <Input data-testid="contract-number" />
              </Form.Item>
            </Col>
            <Col xs={24} md={14}>
              <Form.Item
                name="title"
                label={t('contract.field.title')}
                rules={[requiredRule(t), maxCharsRule(t, 200)]}
              >
                <Input data-testid="contract-title" />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item
                name="starts_on"
                label={t('contract.field.starts_on')}
                rules={[requiredRule(t)]}
              >
                <DatePicker
                  format="YYYY-MM-DD"
                  style={{ width: '100%' }}
                  data-testid="contract-starts-on"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="ends_on"
                label={t('contract.field.ends_on')}
                dependencies={['starts_on']}
                rules={[notBeforeStartRule(t, startsOn)]}
                extra={t('contracts.openEndedHint')}
              >
                <DatePicker
                  format="YYYY-MM-DD"
                  style={{ width: '100%' }}
                  data-testid="contract-ends-on"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="signed_on" label={t('contract.field.signed_on')}>
                <DatePicker
                  format="YYYY-MM-DD"
                  style={{ width: '100%' }}
                  data-testid="contract-signed-on"
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="amount"
            label={t('contract.field.amount')}
            rules={[amountRule(t)]}
            extra={t('contracts.amountHint')}
          >
            <Input prefix="¥" inputMode="decimal" data-testid="contract-amount" />
          </Form.Item>
          <Form.Item name="notes" label={t('contract.field.notes')} rules={[maxCharsRule(t, 2000)]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="contract-notes" />
          </Form.Item>
        </Form>
      </SubmitOnEnter>
    </Modal>
  );
}
