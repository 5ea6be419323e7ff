// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AccessAlertSettings } from '../api/types';
import { apiError, mockApi, renderPage } from '../test/renderPage';
import AccessAlertSettingsPage from './AccessAlertSettingsPage';

const settings: AccessAlertSettings = {
  window_minutes: 10,
  thresholds: {
    admin: null,
    executive: null,
    director: 1000,
    kam: 200,
    assistant: 200,
    specialist: null,
    service: 1000,
    sales: 200,
  },
  version: 4,
  updated_at: null,
};

const open = () =>
  renderPage(<AccessAlertSettingsPage />, {
    path: '/access-alerts/settings',
    role: 'specialist',
  });

describe('the alert thresholds', () => {
  it('shows each role, and saves a change with the version read', async () => {
    const user = userEvent.setup();
    const calls = mockApi({
      'GET /access-alert-settings': { body: settings },
      'PUT /access-alert-settings': (call) => ({
        body: { ...settings, ...(call.body as object), version: 5 },
      }),
    });
    await open();
    const kam = (await screen.findByTestId('threshold-kam')) as HTMLInputElement;
    expect(kam.value).toBe('200');
    expect((screen.getByTestId('threshold-admin') as HTMLInputElement).placeholder).toBe(
      'Never alerts',
    );
    expect(screen.getByTestId('save-alert-settings')).toHaveProperty('disabled', true);

    await user.clear(kam);
    await user.type(kam, '150');
    await user.clear(screen.getByTestId('threshold-director'));
    await user.click(screen.getByTestId('save-alert-settings'));
    await screen.findByText('Alert thresholds saved');
    const put = calls.callsTo('PUT /access-alert-settings')[0];
    expect(put?.headers['If-Match']).toBe('4');
    expect(put?.body).toEqual({
      window_minutes: 10,
      thresholds: { ...settings.thresholds, kam: 150, director: null },
    });
    await screen.findByText(/version 5/);
  });

  it("shows the server's problems on the role's field", async () => {
    const user = userEvent.setup();
    mockApi({
      'GET /access-alert-settings': { body: settings },
      'PUT /access-alert-settings': apiError(400, 'validation_failed', 'bad', {
        'thresholds.sales': 'out_of_range',
      }),
    });
    await open();
    const sales = await screen.findByTestId('threshold-sales');
    await user.clear(sales);
    await user.type(sales, '99');
    await user.click(screen.getByTestId('save-alert-settings'));
    await screen.findByText('Out of range');
  });

  it('says when someone else saved first (412) and reloads', async () => {
    const user = userEvent.setup();
    const calls = mockApi({
      'GET /access-alert-settings': { body: settings },
      'PUT /access-alert-settings': apiError(412, 'precondition_failed'),
    });
    await open();
    const kam = await screen.findByTestId('threshold-kam');
    await user.clear(kam);
    await user.type(kam, '120');
    await user.click(screen.getByTestId('save-alert-settings'));
    await screen.findByText('Someone else changed the alert thresholds');
    calls.set('GET /access-alert-settings', {
      body: { ...settings, version: 6, window_minutes: 15 },
    });
    await user.click(screen.getByRole('button', { name: 'Reload' }));
    await screen.findByText(/version 6/);
    expect((screen.getByTestId('window-minutes') as HTMLInputElement).value).toBe('15');
  });

  it('says when the settings cannot be read', async () => {
    mockApi({ 'GET /access-alert-settings': apiError(403, 'forbidden') });
    await open();
    await screen.findByText('You may not do this');
  });
});
