import { CheckOutlined, CommentOutlined, UndoOutlined } from '@ant-design/icons';
import {
  Alert,
  Badge,
  Button,
  Empty,
  Segmented,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewItem } from '../../api/types';
import { ErrorState } from '../../ui/ErrorState';
import { formatDateTime } from '../../ui/format';
import { CommentsDrawer } from '../comments/CommentsDrawer';
import type { CommentTarget } from '../comments/api';
import {
  REVIEW_STATES,
  reviewKey,
  useMarkReviewed,
  useReviewQueue,
  useUnmarkReviewed,
  type QueueQuery,
  type ReviewRef,
  type ReviewState,
} from './api';
import { ReviewItemContent } from './ReviewItemContent';

type Props = {
  query: QueueQuery;
  /** The week shown, as the API names it (`2026-W48`): items of other weeks are carried over. */
  week: string;
  today: string;
  onStateChange: (state: ReviewState) => void;
};

type Done = { kind: 'marked' | 'unmarked'; items: ReviewRef[]; changed: number };

/**
 * The review queue: each contact record and visit plan with its week (carried over from an
 * earlier one, said so), its comments and its review mark. Rows are selected and marked
 * reviewed together; the success message offers to undo.
 */
export function ReviewQueue({ query, week, today, onStateChange }: Props) {
  const { t } = useTranslation();
  const queue = useReviewQueue(query);
  const mark = useMarkReviewed();
  const unmark = useUnmarkReviewed();
  const [selected, setSelected] = useState<string[]>([]);
  const [done, setDone] = useState<Done | null>(null);
  const [commentsOn, setCommentsOn] = useState<{ target: CommentTarget; title: string } | null>(
    null,
  );
  // A new query (week, member, state) starts a new selection.
  const queryKey = JSON.stringify(query);
  const [selectionFor, setSelectionFor] = useState(queryKey);
  if (selectionFor !== queryKey) {
    setSelectionFor(queryKey);
    setSelected([]);
  }

  const items = queue.data?.pages.flatMap((p) => p.items) ?? [];
  // Undo takes back only the marks this click made: items already reviewed keep theirs.
  const toMark = items.filter((i) => selected.includes(reviewKey(i)) && i.reviewed_at === null);

  const handleMark = async () => {
    const refs = toMark.map(({ kind, id }) => ({ kind, id }));
    try {
      const { changed } = await mark.mutateAsync(refs);
      setDone({ kind: 'marked', items: refs, changed });
      setSelected([]);
    } catch {
      // Notified by the query client; the queue is read again.
    }
  };

  const handleUndo = async (refs: ReviewRef[]) => {
    try {
      const { changed } = await unmark.mutateAsync(refs);
      setDone({ kind: 'unmarked', items: refs, changed });
    } catch {
      // Notified by the query client; the queue is read again.
    }
  };

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <div className="kams-toolbar" style={{ alignItems: 'center' }}>
        <Segmented<ReviewState>
          value={query.state}
          onChange={onStateChange}
          options={REVIEW_STATES.map((s) => ({ value: s, label: t(`weeklyReview.state.${s}`) }))}
          data-testid="review-state"
        />
        <Button
          type="primary"
          icon={<CheckOutlined />}
          disabled={toMark.length === 0}
          loading={mark.isPending}
          onClick={() => void handleMark()}
          data-testid="mark-reviewed"
        >
          {t('weeklyReview.mark', { count: toMark.length })}
        </Button>
      </div>
      {done && (
        <Alert
          type={done.kind === 'marked' ? 'success' : 'info'}
          showIcon
          role="status"
          closable
          onClose={() => setDone(null)}
          data-testid="review-done"
          message={t(done.kind === 'marked' ? 'weeklyReview.marked' : 'weeklyReview.unmarked', {
            count: done.changed,
          })}
          action={
            done.kind === 'marked' &&
            done.items.length > 0 && (
              <Button
                size="small"
                icon={<UndoOutlined />}
                loading={unmark.isPending}
                onClick={() => void handleUndo(done.items)}
                data-testid="review-undo"
              >
                {t('weeklyReview.undo')}
              </Button>
            )
          }
        />
      )}
      {queue.isError && !queue.data ? (
        <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />
      ) : (
        <Table<ReviewItem>
          rowKey={reviewKey}
          size="middle"
          loading={queue.isFetching && !queue.isFetchingNextPage}
          dataSource={items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="review-queue"
          onRow={(item) => ({ 'data-testid': `review-${reviewKey(item)}` }) as object}
          rowSelection={{
            selectedRowKeys: selected,
            onChange: (keys) => setSelected(keys.map(String)),
            getCheckboxProps: (item) => {
              // Passed on to the checkbox: its name for screen readers (and its tooltip).
              const label = t('weeklyReview.select', {
                what: `${item.customer_name} ${item.interaction?.purpose ?? item.visit_plan?.purpose ?? ''}`,
              });
              const props = { title: label, 'aria-label': label };
              return props;
            },
          }}
          locale={{
            emptyText: <Empty description={t(`weeklyReview.none.${query.state}`)} />,
          }}
          columns={[
            {
              key: 'when',
              title: t(
                query.user_id === undefined ? 'weeklyReview.col.whenWho' : 'weeklyReview.col.when',
              ),
              render: (_, item) => (
                <Space direction="vertical" size={2}>
                  <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(item.at)}</span>
                  {query.user_id === undefined && (
                    <Typography.Text type="secondary">{item.user_name}</Typography.Text>
                  )}
                  {item.week !== week && (
                    <Tag color="orange" data-testid="carried-over">
                      {t('weeklyReview.carriedOver', { week: item.week })}
                    </Tag>
                  )}
                </Space>
              ),
            },
            {
              key: 'what',
              title: t('weeklyReview.col.item'),
              render: (_, item) => <ReviewItemContent item={item} today={today} />,
            },
            {
              key: 'comments',
              title: t('comments.title'),
              render: (_, item) => (
                <Badge count={item.comment_count} size="small" color="blue">
                  <Button
                    size="small"
                    icon={<CommentOutlined />}
                    aria-label={t('comments.open', { count: item.comment_count })}
                    onClick={() =>
                      setCommentsOn({
                        target: { kind: item.kind, id: item.id },
                        title: `${item.user_name} · ${item.customer_name} · ${
                          item.interaction?.purpose ?? item.visit_plan?.purpose ?? ''
                        }`,
                      })
                    }
                    data-testid={`comments-${reviewKey(item)}`}
                  />
                </Badge>
              ),
            },
            {
              key: 'mark',
              title: t('weeklyReview.col.mark'),
              render: (_, item) =>
                item.reviewed_at ? (
                  <Tooltip
                    title={t('weeklyReview.reviewedBy', {
                      name: item.reviewed_by_name ?? '',
                      at: formatDateTime(item.reviewed_at),
                    })}
                  >
                    <Tag color="green" icon={<CheckOutlined />} data-testid="reviewed">
                      {t('weeklyReview.state.reviewed')}
                    </Tag>
                  </Tooltip>
                ) : (
                  <Typography.Text type="secondary" data-testid="not-reviewed">
                    {t('weeklyReview.notReviewed')}
                  </Typography.Text>
                ),
            },
          ]}
        />
      )}
      {queue.hasNextPage && (
        <Button
          block
          onClick={() => void queue.fetchNextPage()}
          loading={queue.isFetchingNextPage}
          data-testid="review-more"
        >
          {t('common.loadMore')}
        </Button>
      )}
      {commentsOn && (
        <CommentsDrawer
          target={commentsOn.target}
          title={commentsOn.title}
          onClose={() => setCommentsOn(null)}
        />
      )}
    </Space>
  );
}
