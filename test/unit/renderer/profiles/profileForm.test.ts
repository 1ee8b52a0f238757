/** The profile form's model: drafts, required checks, and server errors mapped to inputs. */
import { describe, expect, it } from 'vitest';
import {
  emptyValues,
  firstInvalid,
  normalizeFingerprint,
  requiredErrors,
  serverFieldErrors,
  toDraft,
  valuesFromView,
  type ProfileFormValues,
} from '../../../../renderer/features/profiles/profileForm';
import { serverView } from './fakeApi';

const FINGERPRINT = 'AB:'.repeat(31) + 'CD';

function filled(overrides: Partial<ProfileFormValues> = {}): ProfileFormValues {
  return {
    ...emptyValues(),
    name: ' Staging ',
    baseUrl: ' https://is.example/ ',
    rootOrgHandle: 'carbon.super',
    clientId: 'm2m',
    clientSecret: 's3cret-value',
    ...overrides,
  };
}

describe('profile form model', () => {
  it('builds a trimmed draft, without the secret and without an empty proxy', () => {
    const draft = toDraft(filled());

    expect(draft).toEqual({
      name: 'Staging',
      kind: 'wso2is',
      baseUrl: 'https://is.example/',
      rootOrgHandle: 'carbon.super',
      adminAuth: { type: 'client-credentials', clientId: 'm2m' },
      trust: { type: 'system' },
    });
    expect(JSON.stringify(draft)).not.toContain('s3cret-value');
  });

  it('leaves the base URL to the main process for Asgardeo, whatever was typed before', () => {
    const draft = toDraft(filled({ kind: 'asgardeo-eu', baseUrl: 'https://typed.example' }));

    expect(draft.kind).toBe('asgardeo-eu');
    expect(draft).not.toHaveProperty('baseUrl');
  });

  it('sends the trust that is chosen, with a fingerprint written the stored way', () => {
    const lower = 'ab'.repeat(31) + 'cd';
    expect(toDraft(filled({ trustType: 'pin', pinSha256: lower })).trust).toEqual({
      type: 'pin',
      sha256: FINGERPRINT,
    });
    expect(toDraft(filled({ trustType: 'ca', caPem: ' PEM ', pinSha256: lower })).trust).toEqual({
      type: 'ca',
      pem: 'PEM',
    });
    expect(normalizeFingerprint('not a fingerprint ')).toBe('not a fingerprint');
  });

  it('round-trips a saved profile, never carrying a secret', () => {
    const view = serverView({ trust: { type: 'pin', sha256: FINGERPRINT }, proxyUrl: 'http://p/' });

    const values = valuesFromView(view);

    expect(values.clientSecret).toBe('');
    expect(toDraft(values)).toEqual({
      id: view.id,
      name: view.name,
      kind: view.kind,
      baseUrl: view.baseUrl,
      rootOrgHandle: view.rootOrgHandle,
      adminAuth: view.adminAuth,
      trust: view.trust,
      proxyUrl: 'http://p/',
    });
  });

  it('requires the fields a profile cannot do without, in form order', () => {
    const errors = requiredErrors(emptyValues(), undefined);

    expect(Object.keys(errors)).toEqual([
      'name',
      'baseUrl',
      'rootOrgHandle',
      'clientId',
      'clientSecret',
    ]);
    expect(errors.baseUrl).toBe('Base URL is required.');
    expect(firstInvalid(errors)).toBe('name');
    expect(requiredErrors(filled({ trustType: 'pin' }), undefined)).toEqual({
      pinSha256: 'Pinned SHA-256 fingerprint is required.',
    });
  });

  it('asks for a secret only when none is stored for this client id', () => {
    const stored = serverView({ adminAuth: { type: 'client-credentials', clientId: 'm2m' } });
    const noSecret = filled({ clientSecret: '' });

    expect(requiredErrors(noSecret, stored)).toEqual({});
    expect(requiredErrors({ ...noSecret, clientId: 'other' }, stored)).toHaveProperty(
      'clientSecret',
    );
    expect(requiredErrors({ ...noSecret, authType: 'interactive' }, undefined)).toEqual({});
  });

  it('maps the envelope field of a contract check to its input, naming the field', () => {
    const errors = serverFieldErrors({
      code: 'invalid-input',
      field: 'profile.adminAuth.clientId',
      message: 'profile.adminAuth.clientId: Too big: expected string to have <=200 characters',
    });

    expect(errors).toEqual({
      clientId: 'Client ID: Too big: expected string to have <=200 characters',
    });
  });

  it("marks every field of the profile service's list, whatever its message says", () => {
    const errors = serverFieldErrors({
      code: 'invalid-input',
      field: 'baseUrl',
      message: 'reworded freely',
      fieldErrors: [
        {
          field: 'baseUrl',
          message: 'must be an https:// URL without credentials, query or fragment',
        },
        { field: 'trust.sha256', message: 'must be a SHA-256 fingerprint like AB:CD:…' },
        { field: 'unknownThing', message: 'not a form input' },
      ],
    });

    expect(errors).toEqual({
      baseUrl: 'Base URL: must be an https:// URL without credentials, query or fragment',
      pinSha256: 'Pinned SHA-256 fingerprint: must be a SHA-256 fingerprint like AB:CD:…',
    });
  });

  it('maps nothing for errors that are not about input', () => {
    expect(serverFieldErrors({ code: 'forbidden', message: 'profile: name: read-only' })).toEqual(
      {},
    );
    expect(serverFieldErrors({ code: 'invalid-input', message: 'something else' })).toEqual({});
  });
});
