/**
 * The profile form: required checks before sending, server errors on the field they name with
 * nothing typed lost, secrets sent once and then shown only as set, the certificate check and
 * pin with its confirmation, and focus at each step.
 */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import '../helpers/dom';
import { fail } from './fakeApi';
import { CERTIFICATE, createBackend, renderProfilesApp } from './fakeBackend';

async function settle(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 4; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

function type(label: string | RegExp, value: string): HTMLInputElement {
  const input = screen.getByLabelText<HTMLInputElement>(label);
  fireEvent.change(input, { target: { value } });
  return input;
}

/** Focuses, then clicks, as a pointer or keyboard user would: dialogs return focus here. */
async function click(name: string | RegExp, scope: HTMLElement = document.body): Promise<void> {
  const button = within(scope).getByRole('button', { name });
  act(() => button.focus());
  fireEvent.click(button);
  await settle();
}

async function openNewProfile(): Promise<void> {
  await click('Add profile');
  expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'New profile' }));
}

function fillValidProfile(baseUrl: string): void {
  type('Name', 'Staging');
  type('Base URL', baseUrl);
  type('Root organization handle', 'carbon.super');
  type('Client ID', 'console-m2m');
  type('Client secret', 'very-secret-value');
}

describe('profile form', () => {
  it('checks required fields before sending anything and focuses the first', async () => {
    const backend = createBackend();
    await renderProfilesApp(backend);
    await openNewProfile();

    await click('Save profile');

    const name = screen.getByLabelText('Name');
    expect(document.activeElement).toBe(name);
    expect(name.getAttribute('aria-invalid')).toBe('true');
    const described = name.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(described)?.textContent).toBe('Name is required.');
    expect(screen.getByText('Base URL is required.')).toBeTruthy();
    expect(backend.fake.calls.saveProfile).toBeUndefined();
  });

  it('puts a refused base URL on its field, focused, and keeps everything typed', async () => {
    const backend = createBackend();
    await renderProfilesApp(backend);
    await openNewProfile();
    fillValidProfile('http://is.staging.example');

    await click('Save profile');

    const baseUrl = screen.getByLabelText<HTMLInputElement>('Base URL');
    expect(document.activeElement).toBe(baseUrl);
    expect(baseUrl.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/^Base URL: must be an https:\/\/ URL/)).toBeTruthy();
    expect(baseUrl.value).toBe('http://is.staging.example');
    expect(screen.getByLabelText<HTMLInputElement>('Name').value).toBe('Staging');
    expect(screen.getByLabelText<HTMLInputElement>('Client ID').value).toBe('console-m2m');
    expect(screen.getByLabelText<HTMLInputElement>('Client secret').value).toBe(
      'very-secret-value',
    );

    type('Base URL', 'https://is.staging.example');
    expect(baseUrl.getAttribute('aria-invalid')).toBeNull();
  });

  it('sends a new secret once, then shows only that it is set, with Replace', async () => {
    const backend = createBackend();
    await renderProfilesApp(backend);
    await openNewProfile();
    fillValidProfile('https://is.staging.example');
    const secretInput = screen.getByLabelText<HTMLInputElement>('Client secret');
    expect(secretInput.type).toBe('password');
    expect(secretInput.getAttribute('autocomplete')).toBe('off');

    await click('Save profile');

    expect(backend.fake.calls.saveProfile?.[0]?.clientSecret).toBe('very-secret-value');
    expect(screen.getByRole('heading', { level: 2, name: 'Edit Staging' })).toBeTruthy();
    expect(screen.queryByLabelText('Client secret')).toBeNull();
    expect(screen.getByText('Set ••••alue')).toBeTruthy();
    expect(document.body.innerHTML).not.toContain('very-secret-value');

    await click('Save profile');
    expect(backend.fake.calls.saveProfile?.[1]).not.toHaveProperty('clientSecret');

    const replace = screen.getByRole('button', { name: 'Replace' });
    await click('Replace');
    const again = screen.getByLabelText<HTMLInputElement>('Client secret');
    expect(document.activeElement).toBe(again);
    expect(again.value).toBe('');
    await click('Keep the stored secret');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Replace' }));
    expect(replace.isConnected).toBe(false);
  });

  it('fills the base URL for Asgardeo and keeps the typed one for WSO2 IS', async () => {
    await renderProfilesApp(createBackend());
    await openNewProfile();
    type('Base URL', 'https://is.example');

    fireEvent.change(screen.getByLabelText('Server kind'), { target: { value: 'asgardeo-eu' } });
    const baseUrl = screen.getByLabelText<HTMLInputElement>('Base URL');
    expect(baseUrl.value).toBe('https://api.eu.asgardeo.io');
    expect(baseUrl.readOnly).toBe(true);

    fireEvent.change(screen.getByLabelText('Server kind'), { target: { value: 'wso2is' } });
    expect(screen.getByLabelText<HTMLInputElement>('Base URL').value).toBe('https://is.example');
  });

  it('pins a certificate only after the user confirms, and gives focus back', async () => {
    const backend = createBackend();
    await renderProfilesApp(backend);
    await openNewProfile();
    type('Base URL', 'https://is.staging.example');

    await click('Check certificate');
    expect(backend.fake.calls.probeCertificate).toEqual([{ url: 'https://is.staging.example' }]);
    const details = screen.getByRole('region', { name: /Certificate presented by/ });
    expect(within(details).getByText(CERTIFICATE.sha256)).toBeTruthy();
    // Subject and issuer: the same name, as a self-signed certificate has.
    expect(within(details).getAllByText('CN=is.staging.example')).toHaveLength(2);
    expect(within(details).getByText(/DEPTH_ZERO_SELF_SIGNED_CERT/)).toBeTruthy();

    const pin = screen.getByRole('button', { name: 'Pin this certificate' });
    await click('Pin this certificate');
    let dialog = screen.getByRole('dialog', { name: 'Pin this certificate?' });
    expect(within(dialog).getByText(CERTIFICATE.sha256)).toBeTruthy();
    await click('Cancel', dialog);
    expect(screen.getByLabelText<HTMLInputElement>('System certificate authorities').checked).toBe(
      true,
    );
    expect(document.activeElement).toBe(pin);

    await click('Pin this certificate');
    dialog = screen.getByRole('dialog', { name: 'Pin this certificate?' });
    await click('Pin certificate', dialog);

    expect(screen.getByLabelText<HTMLInputElement>('A pinned certificate').checked).toBe(true);
    expect(screen.getByLabelText<HTMLInputElement>('Pinned SHA-256 fingerprint').value).toBe(
      CERTIFICATE.sha256,
    );
    expect(document.activeElement).toBe(pin);
  });

  it('tests a draft before it is saved, naming a refused field', async () => {
    const backend = createBackend({
      overrides: {
        testConnection: () =>
          fail(
            'invalid-input',
            'draft.proxyUrl: must be an http:// or https:// proxy URL',
            'draft.proxyUrl',
          ),
      },
    });
    await renderProfilesApp(backend);
    await openNewProfile();
    fillValidProfile('https://is.staging.example');
    type('Proxy URL (optional)', 'socks://proxy');

    await click('Test connection');

    const proxy = screen.getByLabelText('Proxy URL (optional)');
    expect(document.activeElement).toBe(proxy);
    expect(screen.getByText('Proxy URL: must be an http:// or https:// proxy URL')).toBeTruthy();
  });

  it('returns focus to the Edit button when leaving the form', async () => {
    const backend = createBackend();
    await renderProfilesApp(backend);
    await openNewProfile();
    fillValidProfile('https://is.staging.example');
    await click('Save profile');

    await click('Back to profiles');

    const card = screen.getByRole('listitem', { name: 'Staging' });
    expect(document.activeElement).toBe(within(card).getByRole('button', { name: 'Edit' }));
  });
});
