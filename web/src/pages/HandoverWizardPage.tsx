import { ArrowLeftOutlined, ArrowRightOutlined, SwapOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Button, Card, Form, Result, Space, Spin, Steps, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { isApiError } from '../api/client';
import type { HandoverMode, User } from '../api/types';
import { errorMessage, fieldProblemMessage } from '../app/errors';
import { useCurrentSession } from '../app/sessionContext';
import { useHandOver, useHandover, useHandoverPreview } from '../modules/handovers/api';
import { LeavingUserCard } from '../modules/handovers/LeavingUserCard';
import {
  buildOrder,
  chosenSuccessors,
  dealtOrder,
  orderProblems,
  seedMapping,
  totalCount,
  type Mapping,
  type OrderProblems,
} from '../modules/handovers/order';
import { PreviewPanel } from '../modules/handovers/PreviewPanel';
import { canOwnAccounts, handoverRefusal, leavingUnavailable } from '../modules/handovers/rules';
import { SuccessorRows } from '../modules/handovers/SuccessorRows';
import { HandoverDetail } from '../modules/handovers/views';
import { useUsersById } from '../modules/users/api';
import { UserSelect } from '../modules/users/UserSelect';
import { PageLoading } from '../ui/PageLoading';

type Step = 0 | 1 | 2 | 3 | 4;
const NO_PROBLEMS: OrderProblems = { rows: new Map(), customers: new Map(), other: [] };

function positiveInt(text: string | null): number | null {
  if (!text || !/^\d+$/.test(text)) return null;
  const n = Number(text);
  return n > 0 ? n : null;
}

/**
 * The handover wizard (交接): (a) the leaving user, (b) their successors and how the
 * customers are shared out, (c) the server's plan, with the successor of each customer in
 * mapping mode, (d) a warning that the user is disabled and signed out at once, then the
 * handover, (e) the handover as recorded. The leaving user comes in the URL (`?user=`) from
 * the users page.
 */
export default function HandoverWizardPage() {
  const { t } = useTranslation();
  const { user: me, access } = useCurrentSession();
  const [params, setParams] = useSearchParams();
  const leavingId = positiveInt(params.get('user'));
  const [step, setStep] = useState<Step>(leavingId ? 1 : 0);
  const [rows, setRows] = useState<(number | null)[]>([null]);
  const [mode, setMode] = useState<HandoverMode>('single');
  const [chosenMapping, setChosenMapping] = useState<Mapping>({});
  const [picked, setPicked] = useState<Map<number, User>>(new Map());
  const [problems, setProblems] = useState<OrderProblems>(NO_PROBLEMS);
  const [doneId, setDoneId] = useState<number | null>(null);

  const leaving = useUsersById(leavingId ? [leavingId] : [], true).byId.get(leavingId ?? 0);
  const successors = chosenSuccessors(rows);
  const plain = useMemo(
    () => buildOrder(rows, mode === 'mapping' ? 'single' : mode, {}),
    [rows, mode],
  );
  const mayOwn = (id: number) => {
    const u = picked.get(id);
    return u === undefined || canOwnAccounts(u.role);
  };
  // Mapping mode first plans the customers dealt in turn, to learn which customers there are.
  const baseOrder = plain && mode === 'mapping' ? dealtOrder(plain, mayOwn) : plain;
  const previewing = step >= 2 && step <= 3;
  const base = useHandoverPreview(leavingId, baseOrder, previewing);
  const mapping =
    mode === 'mapping' && base.data
      ? seedMapping(base.data.customers, successors, chosenMapping)
      : null;
  const mappedOrder = mapping ? buildOrder(rows, 'mapping', mapping) : null;
  const mapped = useHandoverPreview(leavingId, mappedOrder, previewing && mapping !== null);
  const plan = mode === 'mapping' ? mapped : base;
  const order = mode === 'mapping' ? mappedOrder : plain;
  const handOver = useHandOver(leavingId ?? 0);
  const done = useHandover(doneId);

  const planError = base.error ?? (mode === 'mapping' ? mapped.error : null);
  const planProblems =
    isApiError(planError) && planError.hasFieldProblems
      ? orderProblems(planError.fields, rows)
      : NO_PROBLEMS;
  const shownProblems = problems.rows.size || problems.other.length ? problems : planProblems;
  const leavingName = leaving?.display_name ?? (leavingId ? `#${leavingId}` : '');

  const chooseLeaving = (id: number | null) => {
    setParams(id ? { user: String(id) } : {}, { replace: true });
    setProblems(NO_PROBLEMS);
    handOver.reset();
  };
  const changeRows = (next: (number | null)[]) => {
    setRows(next);
    setProblems(NO_PROBLEMS);
    handOver.reset();
  };
  const remember = (u: User) => setPicked((m) => new Map(m).set(u.id, u));
  const names = new Map([...picked].map(([id, u]) => [id, `${u.display_name} (${u.username})`]));

  const handleHandOver = async () => {
    if (!order || !leavingId) return;
    try {
      const h = await handOver.mutateAsync(order);
      setDoneId(h.id);
      setStep(4);
    } catch (e) {
      if (isApiError(e) && e.hasFieldProblems) {
        const found = orderProblems(e.fields, rows);
        setProblems(found);
        // Successors' problems are fixed at step (b); a customer's in the mapping at (c).
        setStep(found.rows.size || found.other.length ? 1 : 2);
      }
    }
  };

  const refusal = (error: unknown) => {
    const key = handoverRefusal(error, leavingId, me.id);
    return key ? t(key, { name: leavingName }) : errorMessage(t, error);
  };

  // The server's problems in words: each successor's by name, then the order's own.
  const problemText = (found: OrderProblems, withRows: boolean) => {
    const colon = t('common.colon');
    const successorLines = withRows
      ? [...found.rows].map(([row, problem]) => {
          const id = rows[row];
          const who =
            (id != null && picked.get(id)?.display_name) ||
            t('handover.successorNumber', { n: row + 1 });
          return `${who}${colon}${fieldProblemMessage(t, problem)}`;
        })
      : [];
    const otherLines = found.other.map(
      ([field, problem]) =>
        `${t(`handover.problemField.${field}`, { defaultValue: field })}${colon}${fieldProblemMessage(t, problem)}`,
    );
    return [...successorLines, ...otherLines].join(t('common.listSeparator'));
  };

  const otherProblems = shownProblems.other.length > 0 && (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="order-problems"
      message={t('handover.orderProblems')}
      description={problemText(shownProblems, false)}
    />
  );

  const nav = (
    back: Step | null,
    next: { step: Step; label: string; disabled?: boolean } | null,
  ) => (
    <Space style={{ marginTop: 24 }}>
      {back !== null && (
        <Button
          icon={<ArrowLeftOutlined />}
          onClick={() => setStep(back)}
          data-testid="wizard-back"
        >
          {t('handover.back')}
        </Button>
      )}
      {next && (
        <Button
          type="primary"
          disabled={next.disabled}
          onClick={() => setStep(next.step)}
          data-testid="wizard-next"
        >
          {next.label} <ArrowRightOutlined />
        </Button>
      )}
    </Space>
  );

  let content;
  switch (step) {
    case 0:
      content = (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t('handover.leavingHint')}
          </Typography.Paragraph>
          <Form layout="vertical" component="div" style={{ maxWidth: 480 }}>
            <Form.Item
              label={t('handover.field.from')}
              htmlFor="leaving-user"
              style={{ margin: 0 }}
            >
              <UserSelect
                id="leaving-user"
                value={leavingId}
                valueLabel={leaving ? `${leaving.display_name} (${leaving.username})` : null}
                onChange={chooseLeaving}
                autoFocus={!leavingId}
                placeholder={t('handover.pickLeaving')}
                unavailable={(u) => {
                  const why = leavingUnavailable(u, me);
                  return why && t(`handover.unavailable.${why}`);
                }}
                data-testid="leaving-user-select"
              />
            </Form.Item>
          </Form>
          {leavingId && <LeavingUserCard user={leaving} />}
          {nav(null, { step: 1, label: t('handover.next'), disabled: !leaving })}
        </Space>
      );
      break;
    case 1:
      content = (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <LeavingUserCard user={leaving} />
          {otherProblems}
          <SuccessorRows
            leavingId={leavingId}
            rows={rows}
            onRowsChange={changeRows}
            mode={mode}
            onModeChange={(m) => {
              setMode(m);
              setProblems(NO_PROBLEMS);
            }}
            problems={shownProblems.rows}
            onPick={remember}
            names={names}
          />
          {nav(0, { step: 2, label: t('handover.toPreview'), disabled: successors.length === 0 })}
        </Space>
      );
      break;
    case 2:
    case 3: {
      // A mapping the server refused keeps the customers of the plan dealt in turn on screen.
      const data = plan.data ?? (mode === 'mapping' ? base.data : undefined);
      const failed = planError && !planProblems.customers.size;
      content = (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          {failed ? (
            <Alert
              type="error"
              showIcon
              role="alert"
              data-testid="preview-error"
              message={t('handover.previewFailed')}
              description={
                planProblems.rows.size || planProblems.other.length
                  ? problemText(planProblems, true)
                  : refusal(planError)
              }
              action={
                (planProblems.rows.size > 0 || planProblems.other.length > 0) && (
                  <Button size="small" onClick={() => setStep(1)}>
                    {t('handover.backToSuccessors')}
                  </Button>
                )
              }
            />
          ) : !data ? (
            <Spin tip={t('handover.planning')}>
              <div style={{ minHeight: 160 }} />
            </Spin>
          ) : step === 2 ? (
            <Spin spinning={plan.isFetching}>
              <PreviewPanel
                preview={data}
                mapping={
                  mode === 'mapping' && mapping
                    ? {
                        value: mapping,
                        onChange: (customerId, userId) => {
                          setChosenMapping({ ...mapping, [customerId]: userId });
                          setProblems(NO_PROBLEMS);
                        },
                      }
                    : undefined
                }
                customerProblems={
                  problems.customers.size ? problems.customers : planProblems.customers
                }
              />
            </Spin>
          ) : (
            <Space direction="vertical" size={16} style={{ width: '100%' }}>
              <Alert
                type="warning"
                showIcon
                role="alert"
                data-testid="handover-warning"
                message={t('handover.warningTitle', { name: data.from_user_name })}
                description={t('handover.warning', { name: data.from_user_name })}
              />
              <Typography.Paragraph data-testid="handover-summary">
                {t('handover.summary', {
                  name: data.from_user_name,
                  count: totalCount(data.counts),
                  customers: data.counts.customer,
                  successors: data.successors
                    .map((s) => s.display_name)
                    .join(t('common.listSeparator')),
                })}
              </Typography.Paragraph>
              {handOver.error &&
              !(isApiError(handOver.error) && handOver.error.hasFieldProblems) ? (
                <Alert
                  type="error"
                  showIcon
                  role="alert"
                  data-testid="handover-error"
                  message={t('handover.notDone')}
                  description={refusal(handOver.error)}
                />
              ) : null}
            </Space>
          )}
          <Space style={{ marginTop: 8 }}>
            <Button
              icon={<ArrowLeftOutlined />}
              onClick={() => setStep(step === 2 ? 1 : 2)}
              disabled={handOver.isPending}
              data-testid="wizard-back"
            >
              {t('handover.back')}
            </Button>
            {step === 2 ? (
              <Button
                type="primary"
                disabled={!data || Boolean(planError) || plan.isFetching}
                onClick={() => setStep(3)}
                data-testid="wizard-next"
              >
                {t('handover.toConfirm')} <ArrowRightOutlined />
              </Button>
            ) : (
              <Button
                type="primary"
                danger
                icon={<SwapOutlined />}
                loading={handOver.isPending}
                disabled={!data || Boolean(planError)}
                onClick={() => void handleHandOver()}
                data-testid="handover-confirm"
              >
                {t('handover.confirm', { name: data?.from_user_name ?? leavingName })}
              </Button>
            )}
          </Space>
        </Space>
      );
      break;
    }
    case 4:
      content = (
        <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="handover-done">
          <Result
            status="success"
            title={t('handover.doneTitle')}
            subTitle={
              done.data
                ? t('handover.doneText', {
                    name: done.data.from_user_name,
                    count: totalCount(done.data.counts),
                  })
                : undefined
            }
            extra={[
              access.can('handover.read') && (
                <Link key="list" to="/handovers">
                  <Button>{t('handover.allHandovers')}</Button>
                </Link>
              ),
              <Link key="users" to="/users">
                <Button type="primary">{t('handover.backToUsers')}</Button>
              </Link>,
            ]}
          />
          {done.data ? (
            <HandoverDetail handover={done.data} />
          ) : done.isError ? (
            <Alert type="warning" showIcon message={errorMessage(t, done.error)} />
          ) : (
            <PageLoading />
          )}
        </Space>
      );
      break;
  }

  return (
    <PageContainer
      title={
        leavingId && step > 0 ? t('handover.titleOf', { name: leavingName }) : t('handover.title')
      }
      onBack={() => window.history.back()}
    >
      <Card>
        <Steps
          current={step}
          size="small"
          style={{ marginBottom: 24 }}
          items={[
            { title: t('handover.step.leaving') },
            { title: t('handover.step.successors') },
            { title: t('handover.step.preview') },
            { title: t('handover.step.confirm') },
            { title: t('handover.step.done') },
          ]}
          data-testid="handover-steps"
        />
        {content}
      </Card>
    </PageContainer>
  );
}
