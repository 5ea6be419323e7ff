import { Alert, App, Form, Input, Modal, Select, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Nomination } from '../../api/types';
import { formFieldErrors } from '../../app/errors';
import { DateInput } from '../customers/FieldInput';
import { useCustomerTiers, useTierSchemes } from '../tiering/api';
import { readDefinition, tierNames } from '../tiering/definition';
import { tierLabel } from '../tiering/labels';
import { checkRule, maxCharsRule, requiredRule } from '../validation/formRules';
import { isCivilDate } from '../validation/rules';
import { useCreateNomination, useNomination, useResubmitNomination } from './api';
import {
  REVOKE,
  createBody,
  proposalValues,
  resubmitChanges,
  type ProposalValues,
} from './proposalForm';
import { useExplainFailure } from './useExplainFailure';

/** Longest reason the server takes (kMaxNominationReason). */
const MAX_REASON = 2000;

export type RequestMode =
  | { mode: 'nominate'; customerId: number; customerName: string }
  | { mode: 'change'; customerId: number; customerName: string; schemeId?: number }
  | { mode: 'resubmit'; nomination: Nomination };

type Values = ProposalValues & { schemeId?: number };

/** The server's field names → the form's. */
const FORM_NAMES = {
  reason: 'reason',
  proposed_tier: 'tier',
  pinned_until: 'pinnedUntil',
  scheme_id: 'schemeId',
} as const satisfies Record<string, keyof Values>;

/**
 * Puts a customer forward as a key account, asks for a tier change under a scheme, or
 * submits a rejected request again once changed. Field problems show on the fields; a
 * refusal (409: already a key account, a request already waiting …) above the form.
 * Render it only while asked for: it reads the schemes and the customer's tiers.
 */
export function RequestModal({
  request,
  onClose,
}: {
  request: RequestMode | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useCreateNomination();
  const resubmit = useResubmitNomination();
  const explain = useExplainFailure();
  const [problem, setProblem] = useState<string | null>(null);
  const close = () => {
    setProblem(null);
    onClose();
  };
  const schemes = useTierSchemes();
  const customerId = request
    ? request.mode === 'resubmit'
      ? request.nomination.customer_id
      : request.customerId
    : null;
  const currentTiers = useCustomerTiers(customerId ?? 0, customerId !== null);
  // Lists carry no steps: the rejection's comment comes with the request read alone.
  const detail = useNomination(request?.mode === 'resubmit' ? request.nomination.id : null);

  const kind =
    request?.mode === 'resubmit'
      ? request.nomination.kind
      : request?.mode === 'change'
        ? 'change'
        : 'nominate';
  const chosenScheme = Form.useWatch('schemeId', form);
  const chosenTier = Form.useWatch('tier', form);

  // The scheme whose tiers are offered: the chosen one (change), the request's, or the primary.
  const scheme = useMemo(() => {
    const all = schemes.data ?? [];
    if (request?.mode === 'resubmit' && request.nomination.scheme_id !== null) {
      return all.find((s) => s.id === request.nomination.scheme_id);
    }
    if (kind === 'change') return all.find((s) => s.id === chosenScheme);
    return all.find((s) => s.primary);
  }, [schemes.data, request, kind, chosenScheme]);
  const definition = scheme ? readDefinition(scheme.definition) : null;
  const current = currentTiers.data?.find((c) => c.scheme_id === scheme?.id);

  useEffect(() => {
    if (!request) return;
    form.resetFields();
    if (request.mode === 'resubmit') form.setFieldsValue(proposalValues(request.nomination));
  }, [request, form]);

  // A tier change starts from the scheme asked for, else the primary one, once they are read.
  const liveSchemes = currentTiers.data;
  useEffect(() => {
    if (request?.mode !== 'change' || !liveSchemes || form.getFieldValue('schemeId')) return;
    const start = request.schemeId ?? liveSchemes.find((s) => s.primary)?.scheme_id;
    if (start !== undefined) form.setFieldsValue({ schemeId: start });
  }, [request, liveSchemes, form]);

  const tierOptions = (definition ? tierNames(definition) : [])
    .filter((tier) => kind === 'nominate' || tier !== current?.tier)
    .map((tier) => ({ value: tier, label: tierLabel(t, tier) }));
  if (kind === 'change' && current?.tier) {
    tierOptions.push({ value: REVOKE, label: t('nomination.revokeOption') });
  }
  const pinShown = kind === 'change' || Boolean(chosenTier);

  const handleFinish = async (values: Values) => {
    if (!request) return;
    setProblem(null);
    try {
      let saved: Nomination;
      if (request.mode === 'resubmit') {
        const changes = resubmitChanges(request.nomination, values);
        if (Object.keys(changes).length === 0) {
          setProblem(t('nomination.refused.resubmitConflict'));
          return;
        }
        saved = await resubmit.mutateAsync({ id: request.nomination.id, changes });
      } else {
        saved = await create.mutateAsync(
          createBody(request.customerId, request.mode, values, values.schemeId),
        );
      }
      void message.success(t(`nomination.done.${request.mode}`, { customer: saved.customer_name }));
      close();
      if (request.mode !== 'resubmit') void navigate(`/nominations/${saved.id}`);
    } catch (e) {
      const fields = formFieldErrors(t, e, Object.keys(FORM_NAMES) as (keyof typeof FORM_NAMES)[]);
      if (fields.length) {
        form.setFields(fields.map((f) => ({ name: FORM_NAMES[f.name], errors: f.errors })));
        return;
      }
      setProblem(
        (
          await explain(
            e,
            request.mode === 'resubmit' ? 'resubmit' : 'create',
            request.mode === 'resubmit' ? request.nomination.id : undefined,
          )
        ).text,
      );
    }
  };

  const customerName = request
    ? request.mode === 'resubmit'
      ? request.nomination.customer_name
      : request.customerName
    : '';
  const rejection = [...(detail.data?.steps ?? [])].reverse().find((s) => s.action === 'reject');

  return (
    <Modal
      open={request !== null}
      title={request && t(`nomination.request.${request.mode}Title`, { customer: customerName })}
      onCancel={close}
      onOk={() => form.submit()}
      okText={request && t(`nomination.request.${request.mode}`)}
      okButtonProps={{ 'data-testid': 'request-ok' }}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || resubmit.isPending}
      destroyOnHidden
      width={560}
      data-testid="request-modal"
    >
      {rejection && (
        <Alert
          type="warning"
          showIcon
          message={t('nomination.request.rejectedBy', { name: rejection.actor_name ?? '' })}
          description={<span style={{ whiteSpace: 'pre-wrap' }}>{rejection.comment}</span>}
          style={{ marginBottom: 16 }}
        />
      )}
      {problem && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="request-problem"
          message={t('nomination.refused.title')}
          description={problem}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void handleFinish(v)}>
        {kind === 'change' && (
          <Form.Item name="schemeId" label={t('nomination.field.scheme')} rules={[requiredRule(t)]}>
            <Select<number>
              disabled={request?.mode === 'resubmit'}
              loading={schemes.isPending}
              data-testid="request-scheme"
              onChange={() => form.setFieldValue('tier', undefined)}
              options={(liveSchemes ?? []).map((s) => ({
                value: s.scheme_id,
                label: `${s.scheme_name}${s.primary ? ` (${t('tiering.field.primary')})` : ''}`,
              }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="tier"
          label={
            kind === 'change' ? t('nomination.field.newTier') : t('nomination.field.proposed_tier')
          }
          rules={kind === 'change' ? [requiredRule(t)] : []}
          extra={
            kind === 'change'
              ? current &&
                t('nomination.request.currentTier', {
                  tier: current.tier ? tierLabel(t, current.tier) : t('tiering.noTier'),
                })
              : scheme
                ? t('nomination.request.primaryTierHint', { scheme: scheme.name })
                : t('nomination.request.noPrimary')
          }
        >
          <Select<string>
            allowClear={kind === 'nominate'}
            disabled={kind === 'nominate' && !scheme}
            placeholder={kind === 'nominate' ? t('nomination.request.noTier') : undefined}
            data-testid="request-tier"
            options={tierOptions}
          />
        </Form.Item>
        {pinShown && (
          <Form.Item
            name="pinnedUntil"
            label={t('nomination.field.pinned_until')}
            extra={t('nomination.request.pinHint')}
            rules={[checkRule(t, 'invalid_date', isCivilDate)]}
          >
            <DateInput />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={t('nomination.field.reason')}
          rules={[requiredRule(t), maxCharsRule(t, MAX_REASON)]}
        >
          <Input.TextArea
            autoFocus
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={MAX_REASON}
            showCount
            placeholder={t('nomination.request.reasonHint')}
            data-testid="request-reason"
          />
        </Form.Item>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('nomination.request.metricsNote')}
        </Typography.Text>
      </Form>
    </Modal>
  );
}
