/**
 * The profile form's model, kept apart from the components: the values as typed, the draft
 * sent to the main process, the required-field checks done before sending, and which input a
 * server-side error belongs to.
 */
import {
  ASGARDEO_BASE_URLS,
  type AppError,
  type ProfileDraft,
  type ProfileView,
} from '../../../preload/contract';

export type ProfileKind = ProfileDraft['kind'];
export type AuthType = ProfileDraft['adminAuth']['type'];
export type TrustType = ProfileDraft['trust']['type'];

export const KIND_LABELS: Record<ProfileKind, string> = {
  wso2is: 'WSO2 Identity Server',
  'asgardeo-us': 'Asgardeo (US)',
  'asgardeo-eu': 'Asgardeo (EU)',
};

export interface ProfileFormValues {
  /** Set when editing a saved profile. */
  id?: string;
  name: string;
  kind: ProfileKind;
  baseUrl: string;
  rootOrgHandle: string;
  authType: AuthType;
  clientId: string;
  /** A secret typed now; empty keeps the stored one. Never filled from the main process. */
  clientSecret: string;
  trustType: TrustType;
  caPem: string;
  pinSha256: string;
  proxyUrl: string;
}

/** The inputs, in the order they appear: the first one with an error gets focus. */
export const FORM_FIELDS = [
  'name',
  'kind',
  'baseUrl',
  'rootOrgHandle',
  'authType',
  'clientId',
  'clientSecret',
  'trustType',
  'caPem',
  'pinSha256',
  'proxyUrl',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];
export type FieldErrors = Partial<Record<FormField, string>>;

export const FIELD_LABELS: Record<FormField, string> = {
  name: 'Name',
  kind: 'Server kind',
  baseUrl: 'Base URL',
  rootOrgHandle: 'Root organization handle',
  authType: 'Sign-in method',
  clientId: 'Client ID',
  clientSecret: 'Client secret',
  trustType: 'Certificate trust',
  caPem: 'CA certificate (PEM)',
  pinSha256: 'Pinned SHA-256 fingerprint',
  proxyUrl: 'Proxy URL',
};

/** The id of each input, so errors can focus it and the summary can point at it. */
export function fieldId(field: FormField): string {
  return `profile-field-${field}`;
}

export function emptyValues(): ProfileFormValues {
  return {
    name: '',
    kind: 'wso2is',
    baseUrl: '',
    rootOrgHandle: '',
    authType: 'client-credentials',
    clientId: '',
    clientSecret: '',
    trustType: 'system',
    caPem: '',
    pinSha256: '',
    proxyUrl: '',
  };
}

export function valuesFromView(view: ProfileView): ProfileFormValues {
  return {
    id: view.id,
    name: view.name,
    kind: view.kind,
    baseUrl: view.baseUrl,
    rootOrgHandle: view.rootOrgHandle,
    authType: view.adminAuth.type,
    clientId: view.adminAuth.clientId,
    clientSecret: '',
    trustType: view.trust.type,
    caPem: view.trust.type === 'ca' ? view.trust.pem : '',
    pinSha256: view.trust.type === 'pin' ? view.trust.sha256 : '',
    proxyUrl: view.proxyUrl ?? '',
  };
}

/** The base URL the form shows: Asgardeo's is fixed by the region. */
export function effectiveBaseUrl(values: ProfileFormValues): string {
  return values.kind === 'wso2is' ? values.baseUrl : ASGARDEO_BASE_URLS[values.kind];
}

/**
 * Writes a fingerprint the way the main process stores it (`AB:CD:…`), when it is one; other
 * text is left alone so the server's check can say what is wrong with it.
 */
export function normalizeFingerprint(value: string): string {
  const hex = value.replace(/[\s:]/g, '').toUpperCase();
  if (!/^[0-9A-F]{64}$/.test(hex)) return value.trim();
  return hex.replace(/(..)(?!$)/g, '$1:');
}

export function toDraft(values: ProfileFormValues): ProfileDraft {
  const trust: ProfileDraft['trust'] =
    values.trustType === 'ca'
      ? { type: 'ca', pem: values.caPem.trim() }
      : values.trustType === 'pin'
        ? { type: 'pin', sha256: normalizeFingerprint(values.pinSha256) }
        : { type: 'system' };
  const proxyUrl = values.proxyUrl.trim();
  return {
    ...(values.id ? { id: values.id } : {}),
    name: values.name.trim(),
    kind: values.kind,
    ...(values.kind === 'wso2is' ? { baseUrl: values.baseUrl.trim() } : {}),
    rootOrgHandle: values.rootOrgHandle.trim(),
    adminAuth: { type: values.authType, clientId: values.clientId.trim() },
    trust,
    ...(proxyUrl ? { proxyUrl } : {}),
  };
}

/** Whether saving needs a new client secret: none is stored for this client id yet. */
export function secretRequired(
  values: ProfileFormValues,
  stored: ProfileView | undefined,
): boolean {
  if (values.authType !== 'client-credentials') return false;
  const storedFor =
    stored?.clientSecret.set === true && stored.adminAuth.clientId === values.clientId.trim();
  return !storedFor;
}

/** Checks that need no server: required fields, before anything is sent. */
export function requiredErrors(
  values: ProfileFormValues,
  stored: ProfileView | undefined,
): FieldErrors {
  const errors: FieldErrors = {};
  const missing = (field: FormField): void => {
    errors[field] = `${FIELD_LABELS[field]} is required.`;
  };
  if (!values.name.trim()) missing('name');
  if (values.kind === 'wso2is' && !values.baseUrl.trim()) missing('baseUrl');
  if (!values.rootOrgHandle.trim()) missing('rootOrgHandle');
  if (!values.clientId.trim()) missing('clientId');
  if (secretRequired(values, stored) && !values.clientSecret) missing('clientSecret');
  if (values.trustType === 'ca' && !values.caPem.trim()) missing('caPem');
  if (values.trustType === 'pin' && !values.pinSha256.trim()) missing('pinSha256');
  return errors;
}

export function firstInvalid(errors: FieldErrors): FormField | undefined {
  return FORM_FIELDS.find((field) => errors[field] !== undefined);
}

/** Server-side paths (`profile.adminAuth.clientId`, `draft.trust.pem`, …) to form inputs. */
const PATH_FIELDS: Record<string, FormField> = {
  name: 'name',
  kind: 'kind',
  baseUrl: 'baseUrl',
  rootOrgHandle: 'rootOrgHandle',
  adminAuth: 'clientId',
  'adminAuth.type': 'authType',
  'adminAuth.clientId': 'clientId',
  clientSecret: 'clientSecret',
  trust: 'trustType',
  'trust.type': 'trustType',
  'trust.pem': 'caPem',
  'trust.sha256': 'pinSha256',
  proxyUrl: 'proxyUrl',
};

export function fieldOfPath(path: string): FormField | undefined {
  const bare = path.replace(/^(profile|draft)\./, '');
  return PATH_FIELDS[bare];
}

/**
 * Field errors from a failed save or test: the envelope's list of failing fields when main
 * sends one, else its single `field` (a contract check names only the first).
 */
export function serverFieldErrors(error: AppError): FieldErrors {
  if (error.code !== 'invalid-input') return {};
  const errors: FieldErrors = {};
  // A contract check's message starts with the path it names; the list's messages do not.
  const message = error.message.replace(/^[\w.[\]]+: /, '');
  const single = error.field === undefined ? [] : [{ field: error.field, message }];
  for (const issue of error.fieldErrors ?? single) {
    const field = fieldOfPath(issue.field);
    if (field === undefined || errors[field] !== undefined) continue;
    errors[field] = `${FIELD_LABELS[field]}: ${issue.message}`;
  }
  return errors;
}
