import { SendOutlined } from '@ant-design/icons';
import { Alert, Avatar, Button, Drawer, Empty, Form, Input, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import type { Comment } from '../../api/types';
import { errorMessage, fieldProblemMessage } from '../../app/errors';
import { useCurrentSession } from '../../app/sessionContext';
import { ErrorState } from '../../ui/ErrorState';
import { formatDateTime } from '../../ui/format';
import { KeysFooter, SubmitOnEnter } from '../../ui/SubmitOnEnter';
import { maxCharsRule, requiredRule } from '../validation/formRules';
import { useAddComment, useComments, type CommentTarget } from './api';
import { focusOnOpen } from '../../ui/focusOnOpen';

type Props = {
  target: CommentTarget;
  /** What the item is, in a line: e.g. the record's customer and purpose. */
  title: string;
  onClose: () => void;
};

type Values = { body?: string };

/**
 * The comments on a contact record or a visit plan, oldest first, and a box to add one
 * (Ctrl+Enter sends). Those who record contacts or review may comment; the recorder (or the
 * plan's owner) is told of others' comments. Mount it when asked for.
 */
export function CommentsDrawer({ target, title, onClose }: Props) {
  const { t } = useTranslation();
  const { access } = useCurrentSession();
  const thread = useComments(target);
  const add = useAddComment(target);
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const canComment = access.can('interaction.write') || access.can('review.manage');
  const comments = thread.data?.pages.flatMap((p) => p.items) ?? [];

  const handleFinish = async ({ body }: Values) => {
    setProblem(null);
    try {
      await add.mutateAsync((body ?? '').trim());
      form.resetFields();
      form.focusField('body');
    } catch (e) {
      const code = isApiError(e) ? e.fields.body : undefined;
      if (code) form.setFields([{ name: 'body', errors: [fieldProblemMessage(t, code)] }]);
      else setProblem(errorMessage(t, e));
    }
  };

  return (
    <Drawer
      open
      title={t('comments.title')}
      width={480}
      onClose={onClose}
      afterOpenChange={(open) => open && canComment && focusOnOpen(() => form.focusField('body'))}
      destroyOnHidden
      data-testid="comments"
    >
      <Typography.Paragraph type="secondary">{title}</Typography.Paragraph>
      {thread.isError && !thread.data ? (
        <ErrorState error={thread.error} onRetry={() => void thread.refetch()} />
      ) : (
        <List<Comment>
          loading={thread.isPending}
          dataSource={comments}
          rowKey="id"
          locale={{
            emptyText: (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('comments.none')} />
            ),
          }}
          renderItem={(c) => (
            <List.Item data-testid={`comment-${c.id}`}>
              <List.Item.Meta
                avatar={<Avatar size="small">{c.author_name.slice(0, 1)}</Avatar>}
                title={
                  <Space size={8} wrap>
                    <Typography.Text strong>{c.author_name}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(c.created_at)}
                    </Typography.Text>
                  </Space>
                }
                description={
                  <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-line' }}>
                    {c.body}
                  </Typography.Paragraph>
                }
              />
            </List.Item>
          )}
        />
      )}
      {thread.hasNextPage && (
        <Button
          block
          onClick={() => void thread.fetchNextPage()}
          loading={thread.isFetchingNextPage}
        >
          {t('common.loadMore')}
        </Button>
      )}
      {canComment && (
        <div style={{ marginTop: 16 }}>
          {problem && (
            <Alert
              type="error"
              showIcon
              role="alert"
              message={problem}
              style={{ marginBottom: 8 }}
            />
          )}
          <SubmitOnEnter form={form}>
            <Form<Values>
              form={form}
              name="comment"
              layout="vertical"
              onFinish={(v) => void handleFinish(v)}
            >
              <Form.Item
                name="body"
                label={t('comments.add')}
                rules={[requiredRule(t), maxCharsRule(t, 2000)]}
              >
                <Input.TextArea
                  autoSize={{ minRows: 2, maxRows: 6 }}
                  placeholder={t('comments.placeholder')}
                  data-testid="comment-body"
                />
              </Form.Item>
              <KeysFooter hint={t('comments.keys')}>
                <Button
                  type="primary"
                  htmlType="submit"
                  icon={<SendOutlined />}
                  loading={add.isPending}
                  data-testid="comment-send"
                >
                  {t('comments.send')}
                </Button>
              </KeysFooter>
            </Form>
          </SubmitOnEnter>
        </div>
      )}
    </Drawer>
  );
}
