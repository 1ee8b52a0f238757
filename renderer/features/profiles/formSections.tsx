/**
 * The sections of the profile form: server, administrator sign-in, trust and proxy. Each
 * input's id comes from `fieldId`, so an error anywhere can move focus to its input.
 */
import type { ProfileView } from '../../../preload/contract';
import { AlertIcon } from '../../ui/icons';
import { RadioGroup, type RadioOption } from '../../ui/RadioGroup';
import { Select, type SelectOption } from '../../ui/Select';
import { TextField } from '../../ui/TextField';
import { CertificateCheck } from './CertificateCheck';
import {
  effectiveBaseUrl,
  fieldId,
  FIELD_LABELS,
  KIND_LABELS,
  type AuthType,
  type FieldErrors,
  type ProfileFormValues,
  type ProfileKind,
  type TrustType,
} from './profileForm';
import { SecretField } from './SecretField';
import { TextAreaField } from './TextAreaField';

export interface SectionProps {
  values: ProfileFormValues;
  errors: FieldErrors;
  update: <K extends keyof ProfileFormValues>(key: K, value: ProfileFormValues[K]) => void;
  stored: ProfileView | undefined;
  /** Changes after each save; remounts what must forget its editing state. */
  revision: number;
}

const KIND_OPTIONS: SelectOption<ProfileKind>[] = (
  ['wso2is', 'asgardeo-us', 'asgardeo-eu'] as const
).map((kind) => ({ value: kind, label: KIND_LABELS[kind] }));

const AUTH_OPTIONS: RadioOption<AuthType>[] = [
  {
    value: 'client-credentials',
    label: 'Client credentials',
    description: 'An M2M application’s client ID and secret; the secret is kept in the keychain.',
  },
  {
    value: 'interactive',
    label: 'Interactive sign-in',
    description: 'Sign in as an administrator in the system browser (PKCE); no secret is kept.',
  },
];

const TRUST_OPTIONS: RadioOption<TrustType>[] = [
  { value: 'system', label: 'System certificate authorities' },
  { value: 'ca', label: 'A custom CA certificate', description: 'Paste the CA’s PEM.' },
  {
    value: 'pin',
    label: 'A pinned certificate',
    description: 'Trust exactly one server certificate, by its SHA-256 fingerprint.',
  },
];

/** The UI kit's radio group has no error slot; this is the same line a field shows. */
function GroupError({ message }: { message: string | undefined }): React.JSX.Element | null {
  if (!message) return null;
  return (
    <p className="field-error" role="alert">
      <AlertIcon />
      <span>{message}</span>
    </p>
  );
}

export function ServerSection({ values, errors, update }: SectionProps): React.JSX.Element {
  const fixedUrl = values.kind !== 'wso2is';
  return (
    <fieldset className="profile-section">
      <legend>Server</legend>
      <TextField
        id={fieldId('name')}
        label={FIELD_LABELS.name}
        value={values.name}
        error={errors.name}
        maxLength={100}
        onChange={(event) => update('name', event.target.value)}
      />
      <Select
        id={fieldId('kind')}
        label={FIELD_LABELS.kind}
        value={values.kind}
        options={KIND_OPTIONS}
        error={errors.kind}
        onChange={(kind) => update('kind', kind)}
      />
      <TextField
        id={fieldId('baseUrl')}
        label={FIELD_LABELS.baseUrl}
        value={effectiveBaseUrl(values)}
        readOnly={fixedUrl}
        inputMode="url"
        spellCheck={false}
        placeholder={fixedUrl ? undefined : 'https://is.example.com'}
        hint={
          fixedUrl
            ? `Fixed for ${KIND_LABELS[values.kind]}.`
            : 'An https:// address, without /t/… (e.g. https://localhost:9443).'
        }
        error={errors.baseUrl}
        onChange={(event) => update('baseUrl', event.target.value)}
      />
      <TextField
        id={fieldId('rootOrgHandle')}
        label={FIELD_LABELS.rootOrgHandle}
        value={values.rootOrgHandle}
        spellCheck={false}
        hint={
          fixedUrl
            ? 'Your Asgardeo organization’s name, as in /t/{name}.'
            : 'The tenant domain, e.g. carbon.super.'
        }
        error={errors.rootOrgHandle}
        onChange={(event) => update('rootOrgHandle', event.target.value)}
      />
    </fieldset>
  );
}

export function AuthSection({
  values,
  errors,
  update,
  stored,
  revision,
}: SectionProps): React.JSX.Element {
  const sameClient = stored?.adminAuth.clientId === values.clientId.trim();
  return (
    <fieldset className="profile-section">
      <legend>Administrator sign-in</legend>
      <div id={fieldId('authType')}>
        <RadioGroup
          legend={FIELD_LABELS.authType}
          value={values.authType}
          options={AUTH_OPTIONS}
          onChange={(authType) => update('authType', authType)}
        />
        <GroupError message={errors.authType} />
      </div>
      <TextField
        id={fieldId('clientId')}
        label={FIELD_LABELS.clientId}
        value={values.clientId}
        spellCheck={false}
        autoComplete="off"
        error={errors.clientId}
        onChange={(event) => update('clientId', event.target.value)}
      />
      {values.authType === 'client-credentials' ? (
        <SecretField
          key={revision}
          id={fieldId('clientSecret')}
          label={FIELD_LABELS.clientSecret}
          value={values.clientSecret}
          presence={sameClient ? stored?.clientSecret : undefined}
          error={errors.clientSecret}
          onChange={(secret) => update('clientSecret', secret)}
        />
      ) : null}
    </fieldset>
  );
}

export function TrustSection({ values, errors, update }: SectionProps): React.JSX.Element {
  return (
    <fieldset className="profile-section">
      <legend>Trust</legend>
      <div id={fieldId('trustType')}>
        <RadioGroup
          legend={FIELD_LABELS.trustType}
          value={values.trustType}
          options={TRUST_OPTIONS}
          onChange={(trustType) => update('trustType', trustType)}
        />
        <GroupError message={errors.trustType} />
      </div>
      {values.trustType === 'ca' ? (
        <TextAreaField
          id={fieldId('caPem')}
          label={FIELD_LABELS.caPem}
          value={values.caPem}
          rows={6}
          spellCheck={false}
          placeholder="-----BEGIN CERTIFICATE-----"
          error={errors.caPem}
          onChange={(event) => update('caPem', event.target.value)}
        />
      ) : null}
      {values.trustType === 'pin' ? (
        <TextField
          id={fieldId('pinSha256')}
          label={FIELD_LABELS.pinSha256}
          value={values.pinSha256}
          spellCheck={false}
          className="fingerprint-field"
          hint="64 hex digits, with or without colons. Use Check certificate to read it."
          error={errors.pinSha256}
          onChange={(event) => update('pinSha256', event.target.value)}
        />
      ) : null}
      <CertificateCheck
        url={effectiveBaseUrl(values)}
        pinned={values.trustType === 'pin' ? values.pinSha256 : undefined}
        onPin={(sha256) => {
          update('trustType', 'pin');
          update('pinSha256', sha256);
        }}
      />
    </fieldset>
  );
}

export function ProxySection({ values, errors, update }: SectionProps): React.JSX.Element {
  return (
    <fieldset className="profile-section">
      <legend>Network</legend>
      <TextField
        id={fieldId('proxyUrl')}
        label={`${FIELD_LABELS.proxyUrl} (optional)`}
        value={values.proxyUrl}
        spellCheck={false}
        inputMode="url"
        placeholder="http://proxy.example.com:3128"
        hint="Leave empty to connect directly."
        error={errors.proxyUrl}
        onChange={(event) => update('proxyUrl', event.target.value)}
      />
    </fieldset>
  );
}
