// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  apiError,
  fakeApi,
  fill,
  reply,
  renderSignedIn,
  setupUser,
  userOf,
} from '../../test/consoleHarness';
import { CommentsDrawer } from './CommentsDrawer';

const director = userOf({ id: 2, display_name: '周志强', role: 'director' });
const comment = {
  id: 1,
  item_kind: 'interaction',
  item_id: 31,
  author_id: 2,
  author_name: '周志强',
  body: '交货时间请再和客户确认一次',
  created_at: '2026-11-24T03:00:00Z',
};

function renderDrawer(
  fake: ReturnType<typeof fakeApi>,
  kind: 'interaction' | 'visit_plan' = 'interaction',
) {
  return renderSignedIn(
    <CommentsDrawer target={{ kind, id: 31 }} title="王磊 · 确认交货时间" onClose={vi.fn()} />,
    {
      api: fake,
      user: director,
      permissions: ['review.manage', 'interaction.write'],
      language: 'en-US',
    },
  );
}

describe('the comments on an item', () => {
  it('lists the thread and adds a comment', async () => {
    const user = setupUser();
    const fake = fakeApi()
      .on('GET /interactions/:id/comments', { items: [comment], next_cursor: null })
      .on('POST /interactions/:id/comments', (call) =>
        reply(201, { ...comment, id: 2, body: (call.body as { body: string }).body }),
      );
    await renderDrawer(fake);
    const drawer = await screen.findByTestId('comments');
    expect(await within(drawer).findByText('交货时间请再和客户确认一次')).toBeTruthy();
    fill(within(drawer).getByTestId('comment-body'), ' 好的，已确认 ');
    await user.click(within(drawer).getByTestId('comment-send'));
    await waitFor(() => expect(fake.sent('POST /interactions/31/comments')).toHaveLength(1));
    expect(fake.sent('POST /interactions/31/comments')[0]?.body).toEqual({ body: '好的，已确认' });
    // The thread is read again.
    await waitFor(() => expect(fake.sent('GET /interactions/31/comments').length).toBe(2));
  });

  it('says when there are none, and refuses an empty comment', async () => {
    const user = setupUser();
    const fake = fakeApi().on('GET /visit-plans/:id/comments', { items: [], next_cursor: null });
    await renderDrawer(fake, 'visit_plan');
    expect(await screen.findByText('No comments yet')).toBeTruthy();
    await user.click(screen.getByTestId('comment-send'));
    expect(await screen.findByText('Required')).toBeTruthy();
    expect(fake.sent('POST /visit-plans/31/comments')).toEqual([]);
  });

  it('shows the server’s problem with the comment on its field', async () => {
    const user = setupUser();
    const fake = fakeApi()
      .on('GET /interactions/:id/comments', { items: [], next_cursor: null })
      .on(
        'POST /interactions/:id/comments',
        apiError(400, 'validation_failed', { body: 'too_long' }),
      );
    await renderDrawer(fake);
    fill(await screen.findByTestId('comment-body'), 'x');
    await user.click(screen.getByTestId('comment-send'));
    expect(await screen.findByText('Too long')).toBeTruthy();
  });
});
