// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AccessAlertSettings } from '../api/types';
import {
  apiError,
  fakeApi,
  renderSignedIn,
  setupUser,
  userOf,
  type FakeApi,
} from '../test/consoleHarness';
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

const open = (fake: FakeApi) =>
  renderSignedIn(<AccessAlertSettingsPage />, {
    api: fake,
    path: '/access-alerts/settings',
    user: userOf({ id: 1, display_name: 'Li Na', role: 'specialist' }),
    language: 'en-US',
  });

describe('the alert thresholds', () => {
  it('shows each role, and saves a change with the version read', async () => {
    const user = setupUser();
    const fake = fakeApi()
      .on('GET /access-alert-settings', settings)
      .on('PUT /access-alert-settings', (call) => ({
        ...settings,
        ...(call.body as object),
        version: 5,
      }));
    await open(fake);
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
    const put = fake.sent('PUT /access-alert-settings')[0];
    expect(put?.ifMatch).toBe('4');
    expect(put?.body).toEqual({
      window_minutes: 10,
      thresholds: { ...settings.thresholds, kam: 150, director: null },
    });
    await screen.findByText(/version 5/);
  });

  it("shows the server's problems on the role's field", async () => {
    const user = setupUser();
    const fake = fakeApi()
      .on('GET /access-alert-settings', settings)
      .on(
        'PUT /access-alert-settings',
        apiError(400, 'validation_failed', { 'thresholds.sales': 'out_of_range' }),
      );
    await open(fake);
    const sales = await screen.findByTestId('threshold-sales');
    await user.clear(sales);
    await user.type(sales, '99');
    await user.click(screen.getByTestId('save-alert-settings'));
    await screen.findByText('Out of range');
  });

  it('says when someone else saved first (412) and reloads', async () => {
    const user = setupUser();
    const fake = fakeApi()
      .on('GET /access-alert-settings', settings)
      .on('PUT /access-alert-settings', apiError(412, 'precondition_failed'));
    await open(fake);
    const kam = await screen.findByTestId('threshold-kam');
    await user.clear(kam);
    await user.type(kam, '120');
    await user.click(screen.getByTestId('save-alert-settings'));
    await screen.findByText('Someone else changed the alert thresholds');
    fake.on('GET /access-alert-settings', { ...settings, version: 6, window_minutes: 15 });
    await user.click(screen.getByRole('button', { name: 'Reload' }));
    await screen.findByText(/version 6/);
    expect((screen.getByTestId('window-minutes') as HTMLInputElement).value).toBe('15');
  });

  it('says when the settings cannot be read', async () => {
    await open(fakeApi().on('GET /access-alert-settings', apiError(403, 'forbidden')));
    await screen.findByText('You may not do this');
  });
});
