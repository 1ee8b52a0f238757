/**
 * The Profiles screen and the chrome around it: the Sandbox marked built-in and read-only,
 * connection checks in words, removal behind a confirmation, agent credentials shown only as
 * set, the header's profile picker, and the keychain banner.
 */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import '../helpers/dom';
import { serverView } from './fakeApi';
import { createBackend, renderProfilesApp } from './fakeBackend';

async function settle(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 4; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

/** Focuses, then clicks, as a pointer or keyboard user would: dialogs return focus here. */
async function click(name: string | RegExp, scope: HTMLElement = document.body): Promise<void> {
  const button = within(scope).getByRole('button', { name });
  act(() => button.focus());
  fireEvent.click(button);
  await settle();
}

function card(name: string): HTMLElement {
  return screen.getByRole('listitem', { name });
}

describe('profiles screen', () => {
  it('marks the Sandbox as active, built-in and read-only', async () => {
    await renderProfilesApp(createBackend());

    const sandbox = card('Sandbox');
    expect(within(sandbox).getByText('Active')).toBeTruthy();
    expect(within(sandbox).getByText('Built-in, read-only')).toBeTruthy();
    expect(within(sandbox).queryByRole('button', { name: 'Edit' })).toBeNull();
    expect(within(sandbox).queryByRole('button', { name: 'Remove' })).toBeNull();
    expect(within(sandbox).getByText(/secret set ••••cret/)).toBeTruthy();

    await click('View details', sandbox);
    expect(screen.queryByLabelText('Base URL')).toBeNull();
    expect(screen.queryByLabelText('Name')).toBeNull();
    expect(document.activeElement?.textContent).toBe('Sandbox (built-in)');
  });

  it('shows each connection check with its outcome in words and its reason', async () => {
    const backend = createBackend({
      report: {
        ok: false,
        checks: [
          { id: 'discovery', status: 'pass', detail: 'issuer https://is.example/oauth2/token' },
          { id: 'tls', status: 'pass', detail: 'certificate trusted by the system CAs' },
          { id: 'credentials', status: 'fail', detail: 'token request: HTTP 401 invalid_client' },
          { id: 'scopes', status: 'skipped', detail: 'no token to inspect' },
        ],
      },
    });
    await renderProfilesApp(backend);

    await click('Test connection', card('Sandbox'));

    expect(backend.fake.calls.testConnection).toEqual([{ profileId: 'sandbox' }]);
    const checks = within(card('Sandbox')).getAllByRole('listitem');
    expect(checks.map((item) => item.textContent)).toEqual([
      'DiscoveryPassedissuer https://is.example/oauth2/token',
      'TLS certificatePassedcertificate trusted by the system CAs',
      'Administrator credentialsFailedtoken request: HTTP 401 invalid_client',
      'ScopesSkippedno token to inspect',
    ]);
    expect(
      within(card('Sandbox')).getByText('Connection test failed: 1 of 4 checks failed.'),
    ).toBeTruthy();
  });

  it('removes a profile only after confirmation, then focuses Add profile', async () => {
    const backend = createBackend();
    backend.profiles.push(serverView());
    await renderProfilesApp(backend);

    await click('Remove', card('Staging'));
    const dialog = screen.getByRole('dialog', { name: 'Remove the profile Staging?' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    await click('Cancel', dialog);
    expect(backend.fake.calls.removeProfile).toBeUndefined();
    expect(document.activeElement).toBe(
      within(card('Staging')).getByRole('button', { name: 'Remove' }),
    );

    await click('Remove', card('Staging'));
    await click('Remove profile', screen.getByRole('dialog'));

    expect(backend.fake.calls.removeProfile).toEqual([{ profileId: 'p-staging' }]);
    expect(screen.queryByRole('listitem', { name: 'Staging' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add profile' }));
  });

  it('keeps agent credentials, showing whether each secret is set but never the secret', async () => {
    const backend = createBackend();
    await renderProfilesApp(backend);
    await click('View details', card('Sandbox'));

    fireEvent.change(screen.getByLabelText('Agent ID'), { target: { value: 'agent-42' } });
    fireEvent.change(screen.getByLabelText('Label (optional)'), {
      target: { value: 'Helper' },
    });
    const secret = screen.getByLabelText<HTMLInputElement>('Agent secret');
    expect(secret.type).toBe('password');
    expect(secret.getAttribute('autocomplete')).toBe('off');
    fireEvent.change(secret, { target: { value: 'agent-secret-9876' } });
    await click('Keep agent credentials');

    const table = screen.getByRole('table', { name: 'Agents with kept credentials' });
    const row = within(table).getByRole('row', { name: /agent-42/ });
    expect(within(row).getByText('Set ••••9876')).toBeTruthy();
    expect(document.body.innerHTML).not.toContain('agent-secret-9876');
    expect(screen.getByLabelText<HTMLInputElement>('Agent ID').value).toBe('');
  });

  it('says which agent field the server refused and keeps what was typed', async () => {
    const backend = createBackend({
      overrides: {
        saveAgentCredential: () =>
          Promise.resolve({
            ok: false,
            error: {
              code: 'invalid-input',
              message: 'agent: agentId: use letters, digits, . _ @ - (up to 200)',
            },
          }),
      },
    });
    await renderProfilesApp(backend);
    await click('View details', card('Sandbox'));
    fireEvent.change(screen.getByLabelText('Agent ID'), { target: { value: 'bad id' } });

    await click('Keep agent credentials');

    const agentId = screen.getByLabelText<HTMLInputElement>('Agent ID');
    expect(document.activeElement).toBe(agentId);
    expect(agentId.value).toBe('bad id');
    expect(screen.getByText('Agent ID: use letters, digits, . _ @ - (up to 200)')).toBeTruthy();
  });
});

describe('app chrome', () => {
  it('switches the active profile from the header picker', async () => {
    const backend = createBackend();
    backend.profiles.push(serverView());
    const store = await renderProfilesApp(backend);

    const picker = screen.getByLabelText<HTMLSelectElement>('Profile');
    expect([...picker.options].map((option) => option.textContent)).toEqual([
      'Sandbox (built-in)',
      'Staging',
    ]);
    fireEvent.change(picker, { target: { value: 'p-staging' } });
    await settle();

    expect(backend.fake.calls.selectProfile).toEqual([{ profileId: 'p-staging' }]);
    expect(store.getState().activeProfileId).toBe('p-staging');
    expect(picker.value).toBe('p-staging');
    expect(within(card('Staging')).getByText('Active')).toBeTruthy();
  });

  it('shows the keychain banner when secrets are memory-only, with the cause', async () => {
    const backend = createBackend({
      keychain: {
        backend: 'memory',
        reason: 'Secrets are kept in memory for this run only (keychain-unavailable: no D-Bus).',
      },
    });
    await renderProfilesApp(backend);
    await settle();

    const banner = screen
      .getByText(/Secrets are kept in memory for this run only:/)
      .closest('[role="status"]');
    expect(banner?.textContent).toContain('Cause: keychain-unavailable: no D-Bus');
  });

  it('shows the keychain banner when the keychain fails during the run', async () => {
    const backend = createBackend();
    await renderProfilesApp(backend);
    await settle();
    expect(screen.queryByText(/Secrets are kept in memory/)).toBeNull();

    act(() => backend.fake.emit('keychainStatus', { backend: 'memory', reason: 'timed out' }));

    const banner = screen
      .getByText(/Secrets are kept in memory for this run only:/)
      .closest('[role="status"]');
    expect(banner?.textContent).toContain('Cause: timed out');
  });

  it('shows a problem with the profile file as a dismissable banner', async () => {
    const backend = createBackend({
      overrides: {
        listProfiles: () =>
          Promise.resolve({
            ok: true,
            value: {
              profiles: [backend.profiles[0]!],
              activeProfileId: 'sandbox',
              storeProblem: 'The profile file was unreadable (invalid); it was moved to x.bad.',
            },
          }),
      },
    });
    await renderProfilesApp(backend);

    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('it was moved to x.bad.');
    await click('Dismiss error', alert);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
