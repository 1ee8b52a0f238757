/**
 * Adding or editing a profile. Nothing typed is lost on an error: the values stay as they are
 * and the first input with a problem gets focus, its message naming the field. A new secret
 * is sent once and then cleared from the form; only its presence comes back.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { AppError, ProfileView } from '../../../preload/contract';
import { useAppStore } from '../../store/StoreProvider';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { toVisibleString } from '../../ui/visibleText';
import { AgentCredentials } from './AgentCredentials';
import { ConnectionChecks } from './ConnectionChecks';
import { AuthSection, ProxySection, ServerSection, TrustSection } from './formSections';
import {
  emptyValues,
  fieldId,
  firstInvalid,
  requiredErrors,
  serverFieldErrors,
  toDraft,
  valuesFromView,
  type FieldErrors,
  type FormField,
  type ProfileFormValues,
} from './profileForm';
import { useConnectionTest } from './useConnectionTest';
import { usePendingFocus } from './usePendingFocus';

export interface ProfileEditorProps {
  /** The saved profile being edited; undefined for a new one. */
  profile: ProfileView | undefined;
  onSaved: (profile: ProfileView) => void;
  onClose: () => void;
}

/** A field's input, or the checked radio button in the group that carries its id. */
function inputOf(field: FormField): HTMLElement | null | undefined {
  const element = document.getElementById(fieldId(field));
  return element?.matches('input, select, textarea, button')
    ? element
    : element?.querySelector<HTMLElement>('input:checked, input, select, textarea');
}

export function ProfileEditor({
  profile,
  onSaved,
  onClose,
}: ProfileEditorProps): React.JSX.Element {
  const saveProfile = useAppStore((state) => state.saveProfile);
  const notify = useAppStore((state) => state.notify);
  const [values, setValues] = useState<ProfileFormValues>(() =>
    profile ? valuesFromView(profile) : emptyValues(),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<AppError | null>(null);
  const [saving, setSaving] = useState(false);
  const focusLater = usePendingFocus();
  /** Bumped on each save, so the secret field goes back to showing only "set". */
  const [revision, setRevision] = useState(0);
  const connection = useConnectionTest();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const generalRef = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const checksId = useId();

  useEffect(() => headingRef.current?.focus(), []);

  const update = <K extends keyof ProfileFormValues>(key: K, value: ProfileFormValues[K]): void => {
    setValues((current) => ({ ...current, [key]: value }));
    if (key in errors) setErrors(({ [key as FormField]: _fixed, ...rest }) => rest);
  };

  /** Shows errors and moves focus to the first; false when there were none. */
  const showErrors = (next: FieldErrors, error: AppError | null): boolean => {
    setErrors(next);
    const first = firstInvalid(next);
    setGeneral(first ? null : error);
    if (first) focusLater(() => inputOf(first));
    else if (error) focusLater(() => generalRef.current);
    return first !== undefined || error !== null;
  };

  const secretInput = values.clientSecret ? { clientSecret: values.clientSecret } : {};

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (showErrors(requiredErrors(values, profile), null)) return;
    setSaving(true);
    const result = await saveProfile({ profile: toDraft(values), ...secretInput });
    setSaving(false);
    if (!result.ok) {
      showErrors(serverFieldErrors(result.error), result.error);
      return;
    }
    setValues(valuesFromView(result.value));
    setRevision((count) => count + 1);
    showErrors({}, null);
    notify(`Saved the profile ${toVisibleString(result.value.name)}.`, 'success');
    onSaved(result.value);
  };

  const test = async (): Promise<void> => {
    const { clientSecret: _optional, ...required } = requiredErrors(values, profile);
    if (showErrors(required, null)) return;
    const error = await connection.run({ draft: toDraft(values), ...secretInput });
    if (error) showErrors(serverFieldErrors(error), null);
  };

  const title = profile ? `Edit ${toVisibleString(profile.name)}` : 'New profile';
  const sections = { values, errors, update, stored: profile, revision };

  return (
    <div className="profile-editor">
      <h2 ref={headingRef} id={headingId} tabIndex={-1}>
        {title}
      </h2>
      <form
        className="profile-form"
        aria-labelledby={headingId}
        noValidate
        onSubmit={(event) => void submit(event)}
      >
        {general ? (
          <div ref={generalRef} tabIndex={-1}>
            <ErrorBanner title="The profile was not saved" message={general.message} />
          </div>
        ) : null}
        <ServerSection {...sections} />
        <AuthSection {...sections} />
        <TrustSection {...sections} />
        <ProxySection {...sections} />
        <div className="profile-form-actions">
          <Button type="submit" variant="primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save profile'}
          </Button>
          <Button onClick={() => void test()} disabled={connection.state.status === 'running'}>
            Test connection
          </Button>
          <Button variant="ghost" onClick={onClose}>
            Back to profiles
          </Button>
        </div>
        <ConnectionChecks state={connection.state} headingId={checksId} />
      </form>
      {profile ? <AgentCredentials profile={profile} /> : null}
    </div>
  );
}
