import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  Popconfirm,
  Row,
  Space,
  Spin,
  Tabs,
  Tag,
  Typography,
  type FormInstance,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../api/client';
import type { TierScheme, TieringRun } from '../../api/types';
import { errorMessage, fieldProblemMessage } from '../../app/errors';
import { useCurrentSession } from '../../app/sessionContext';
import { useDebouncedValue } from '../../ui/useDebouncedValue';
import {
  useCreateTierScheme,
  useDeleteTierScheme,
  useTieringPreview,
  useUpdateTierScheme,
} from './api';
import { AppliedSummary, ApplySchemeButton } from './ApplySchemeButton';
import {
  emptyFormValues,
  readDefinition,
  sameDefinition,
  toDefinition,
  toFormValues,
  type SchemeDefinition,
  type SchemeFormValues,
} from './definition';
import { placeProblems, schemeFieldErrors, type PlacedErrors } from './fieldErrors';
import { RunSummary } from './RunSummary';
import { SchemeFormFields } from './SchemeFormFields';
import { SchemeKindTag } from './tags';
import { VersionHistory } from './VersionHistory';

type Props = {
  /** The stored scheme; null for a new one. */
  scheme: TierScheme | null;
  /** Reads the scheme again from the server; resolves with the latest. */
  onReload: () => Promise<TierScheme | undefined>;
};

type JsonProblem = 'invalid_json' | 'not_a_scheme' | 'kind_locked' | 'form_invalid';
type StaleField = 'definition' | 'active' | 'primary';

const PREVIEW_DELAY_MS = 400;

function formValuesOf(scheme: TierScheme | null): SchemeFormValues {
  const definition = scheme ? readDefinition(scheme.definition) : null;
  if (definition) return toFormValues(definition);
  return scheme ? { ...emptyFormValues(scheme.kind), name: scheme.name } : emptyFormValues();
}

/** Errors on fields named by path (the form's own type cannot name list items). */
function showErrors(form: FormInstance<SchemeFormValues>, fields: PlacedErrors['fields']) {
  form.setFields(fields as Parameters<FormInstance<SchemeFormValues>['setFields']>[0]);
}

function staleFields(base: TierScheme, latest: TierScheme): StaleField[] {
  const changed: StaleField[] = [];
  if (base.current_version !== latest.current_version) changed.push('definition');
  if (base.active !== latest.active) changed.push('active');
  if (base.primary !== latest.primary) changed.push('primary');
  return changed;
}

/**
 * A tier scheme's editor: the definition as a form (or raw JSON), a live preview of who
 * would move under the draft, apply, and the version history. Readers see it read-only.
 */
export function SchemeEditor({ scheme, onReload }: Props) {
  const { t } = useTranslation();
  const { access } = useCurrentSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const canManage = access.can('tiering.manage');
  const [form] = Form.useForm<SchemeFormValues>();
  const create = useCreateTierScheme();
  const update = useUpdateTierScheme();
  const remove = useDeleteTierScheme();

  // The stored version the edit started from: its `version` goes in If-Match.
  const [base, setBase] = useState<TierScheme | null>(scheme);
  const [initialValues] = useState(() => formValuesOf(scheme));
  const [stale, setStale] = useState<StaleField[] | null>(null);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const [applied, setApplied] = useState<TieringRun | null>(null);
  const [asOf, setAsOf] = useState<string | null>(null);
  const [tab, setTab] = useState<'form' | 'json'>('form');
  const [jsonText, setJsonText] = useState('');
  const [jsonProblem, setJsonProblem] = useState<JsonProblem | null>(null);

  const watched = Form.useWatch([], { form, preserve: true }) as SchemeFormValues | undefined;
  const values = watched ?? initialValues;
  const draft = useMemo(() => toDefinition(values), [values]);
  const stored = useMemo(() => (base ? readDefinition(base.definition) : null), [base]);
  const dirty = !stored || !draft.ok || !sameDefinition(draft.definition, stored);
  const kind = values.kind;

  // The live preview: the draft once typing pauses, compared with the scheme's current tiers.
  const draftText = draft.ok ? JSON.stringify(draft.definition) : null;
  const previewText = useDebouncedValue(draftText, PREVIEW_DELAY_MS);
  const previewInput = useMemo(() => {
    const definition = previewText ? (JSON.parse(previewText) as SchemeDefinition) : undefined;
    if (definition && !definition.name) definition.name = t('tiering.untitled');
    return { schemeId: base?.id ?? null, definition, asOf };
  }, [previewText, base?.id, asOf, t]);
  const preview = useTieringPreview(previewInput, canManage && previewText !== null);

  // The server's verdict on the draft, on the fields it names.
  useEffect(() => {
    if (!isApiError(preview.error) || !preview.error.hasFieldProblems) return;
    showErrors(form, schemeFieldErrors(t, preview.error, kind).fields);
  }, [preview.error, form, t, kind]);

  const tierNames = useMemo(() => {
    if (values.kind === 'abc') return values.classes.map((c) => c.tier);
    if (values.kind === 'stars') return values.levels.map((l) => l.tier).reverse();
    return values.rules.map((r) => r.tier);
  }, [values]);

  const handleSave = async () => {
    try {
      await form.validateFields();
    } catch {
      return; // the form shows what to correct
    }
    const result = toDefinition(form.getFieldsValue(true) as SchemeFormValues);
    if (!result.ok) {
      showErrors(form, placeProblems(t, result.problems));
      return;
    }
    setUnplaced([]);
    try {
      if (!base) {
        const created = await create.mutateAsync(result.definition);
        void message.success(t('tiering.created', { name: created.name }));
        void navigate(`/tier-schemes/${created.id}`, { replace: true });
        return;
      }
      const saved = await update.mutateAsync({
        scheme: base,
        patch: { definition: result.definition },
      });
      const definition = readDefinition(saved.definition);
      if (definition) form.setFieldsValue(toFormValues(definition));
      void message.success(
        saved.current_version !== base.current_version
          ? t('tiering.savedVersion', { version: saved.current_version })
          : t('tiering.savedUnchanged'),
      );
      setBase(saved);
    } catch (e) {
      if (isApiError(e) && e.isStaleVersion && base) {
        const latest = await onReload();
        setStale(latest ? staleFields(base, latest) : []);
      } else if (isApiError(e) && e.code === 'conflict') {
        form.setFields([{ name: ['name'], errors: [fieldProblemMessage(t, 'taken')] }]);
      } else {
        const placed = schemeFieldErrors(t, e, kind);
        showErrors(form, placed.fields);
        setUnplaced(placed.unplaced);
      }
    }
  };

  const handleReload = async () => {
    const latest = await onReload();
    if (!latest) return;
    const definition = readDefinition(latest.definition);
    if (definition) form.setFieldsValue(toFormValues(definition));
    setBase(latest);
    setStale(null);
  };

  const handleDelete = async () => {
    if (!base) return;
    try {
      await remove.mutateAsync(base);
      void message.success(t('tiering.deleted', { name: base.name }));
      void navigate('/tier-schemes', { replace: true });
    } catch (e) {
      if (isApiError(e) && e.isStaleVersion) {
        const latest = await onReload();
        setStale(latest ? staleFields(base, latest) : []);
      }
    }
  };

  const handleTabChange = (key: string) => {
    if (key === 'json') {
      const current = toDefinition(form.getFieldsValue(true) as SchemeFormValues);
      if (current.ok) {
        setJsonText(JSON.stringify(current.definition, null, 2));
        setJsonProblem(null);
      } else {
        setJsonProblem('form_invalid');
      }
    }
    setTab(key === 'json' ? 'json' : 'form');
  };

  const handleJsonChange = (text: string) => {
    setJsonText(text);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      setJsonProblem('invalid_json');
      return;
    }
    const definition = readDefinition(parsed);
    if (!definition) {
      setJsonProblem('not_a_scheme');
    } else if (base && definition.kind !== base.kind) {
      setJsonProblem('kind_locked');
    } else {
      setJsonProblem(null);
      form.setFieldsValue(toFormValues(definition));
    }
  };

  const handleRestore = (definition: SchemeDefinition, version: number) => {
    form.setFieldsValue(toFormValues(definition));
    setTab('form');
    void message.info(t('tiering.versions.restored', { version }));
  };

  const title = base ? base.name : t('tiering.add');
  const saving = create.isPending || update.isPending;
  const run = preview.data;

  return (
    <PageContainer
      title={<span data-testid="scheme-title">{title}</span>}
      tags={
        base ? (
          <Space size={4}>
            <SchemeKindTag kind={base.kind} />
            <Tag>v{base.current_version}</Tag>
            {base.active && <Tag color="green">{t('tiering.field.active')}</Tag>}
            {base.primary && <Tag color="gold">{t('tiering.field.primary')}</Tag>}
          </Space>
        ) : undefined
      }
      onBack={() => void navigate('/tier-schemes')}
      extra={
        canManage && (
          <Space wrap>
            {base && (
              <Popconfirm
                title={t('tiering.confirmDelete', { name: base.name })}
                description={base.primary ? t('tiering.deletePrimaryHint') : undefined}
                onConfirm={() => void handleDelete()}
              >
                <Button danger icon={<DeleteOutlined />} loading={remove.isPending}>
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            )}
            {base && (
              <ApplySchemeButton
                scheme={base}
                asOf={asOf}
                disabledReason={dirty ? t('tiering.apply.saveFirst') : undefined}
                onApplied={setApplied}
              />
            )}
            <Button
              type="primary"
              icon={<SaveOutlined />}
              loading={saving}
              disabled={stale !== null || (base !== null && !dirty)}
              onClick={() => void handleSave()}
              data-testid="save-scheme"
            >
              {base ? t('common.save') : t('tiering.create')}
            </Button>
          </Space>
        )
      }
    >
      {!canManage && (
        <Alert type="info" showIcon message={t('tiering.readOnly')} style={{ marginBottom: 16 }} />
      )}
      {stale && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          data-testid="stale-version"
          message={t('tiering.stale.title')}
          description={
            stale.length
              ? t('tiering.stale.changed', {
                  fields: stale
                    .map((f) => t(`tiering.stale.field.${f}`))
                    .join(t('common.listSeparator')),
                })
              : t('tiering.stale.gone')
          }
          action={
            <Button size="small" type="primary" onClick={() => void handleReload()}>
              {t('common.reload')}
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      {applied && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setApplied(null)}
          message={<AppliedSummary run={applied} />}
          style={{ marginBottom: 16 }}
        />
      )}
      {unplaced.length > 0 && (
        <Alert
          type="error"
          showIcon
          message={t('errors.code.validation_failed')}
          description={unplaced.join('; ')}
          style={{ marginBottom: 16 }}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={canManage ? 12 : 24}>
          <Card>
            <Form<SchemeFormValues>
              form={form}
              layout="vertical"
              initialValues={initialValues}
              disabled={!canManage}
              data-testid="scheme-form"
            >
              <Tabs
                activeKey={tab}
                onChange={handleTabChange}
                items={[
                  {
                    key: 'form',
                    label: t('tiering.tab.form'),
                    forceRender: true,
                    children: (
                      <SchemeFormFields
                        kind={kind}
                        kindLocked={base !== null}
                        tierNames={tierNames}
                        editable={canManage}
                      />
                    ),
                  },
                  {
                    key: 'json',
                    label: t('tiering.tab.json'),
                    children: (
                      <>
                        {jsonProblem && (
                          <Alert
                            type={jsonProblem === 'form_invalid' ? 'warning' : 'error'}
                            showIcon
                            message={t(`tiering.json.${jsonProblem}`)}
                            style={{ marginBottom: 8 }}
                            data-testid="json-problem"
                          />
                        )}
                        <Input.TextArea
                          className="kams-json-editor"
                          value={jsonText}
                          onChange={(e) => handleJsonChange(e.target.value)}
                          autoSize={{ minRows: 12, maxRows: 30 }}
                          spellCheck={false}
                          aria-label={t('tiering.tab.json')}
                          data-testid="scheme-json"
                        />
                        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                          {t('tiering.json.hint')}
                        </Typography.Paragraph>
                      </>
                    ),
                  },
                ]}
              />
            </Form>
          </Card>
        </Col>
        {canManage && (
          <Col xs={24} xl={12}>
            <Card
              title={
                <Space>
                  {t('tiering.preview.title')}
                  {preview.isFetching && <Spin size="small" data-testid="preview-loading" />}
                </Space>
              }
              extra={
                <DatePicker
                  allowClear
                  placeholder={t('tiering.preview.today')}
                  value={asOf ? dayjs(asOf) : null}
                  onChange={(d) => setAsOf(d ? d.format('YYYY-MM-DD') : null)}
                  aria-label={t('tiering.preview.asOf')}
                  prefix={
                    <Typography.Text type="secondary">{t('tiering.preview.asOf')}</Typography.Text>
                  }
                />
              }
            >
              {!draft.ok && (
                <Alert
                  type="warning"
                  showIcon
                  message={t('tiering.preview.fixFields')}
                  style={{ marginBottom: 12 }}
                />
              )}
              {preview.isError && (
                <Alert
                  type="error"
                  showIcon
                  message={
                    isApiError(preview.error) && preview.error.hasFieldProblems
                      ? t('tiering.preview.fixFields')
                      : errorMessage(t, preview.error)
                  }
                  style={{ marginBottom: 12 }}
                  data-testid="preview-error"
                />
              )}
              {run ? (
                <div style={{ opacity: preview.isPlaceholderData ? 0.6 : 1 }}>
                  <RunSummary run={run} testId="preview" />
                </div>
              ) : (
                !preview.isError && <Spin style={{ display: 'block', margin: '48px auto' }} />
              )}
            </Card>
          </Col>
        )}
      </Row>
      {base && (
        <VersionHistory
          schemeId={base.id}
          currentVersion={base.current_version}
          onRestore={canManage ? handleRestore : undefined}
        />
      )}
    </PageContainer>
  );
}
