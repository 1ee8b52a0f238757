/**
 * A secret that is typed once and never shown again. When one is stored, the field shows
 * only that it is set (with the main process's masked hint) and a Replace button; the input
 * appears only while replacing. Password inputs never offer autofill.
 */
import { useEffect, useRef, useState } from 'react';
import type { SecretPresenceView } from '../../../preload/contract';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/TextField';

export interface SecretFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  presence?: SecretPresenceView | undefined;
  error?: string | undefined;
  hint?: string;
}

export function presenceText(presence: SecretPresenceView | undefined): string {
  if (!presence?.set) return 'Not set';
  return presence.hint ? `Set ${presence.hint}` : 'Set';
}

export function SecretField({
  id,
  label,
  value,
  onChange,
  presence,
  error,
  hint,
}: SecretFieldProps): React.JSX.Element {
  const stored = presence?.set === true;
  const [replacing, setReplacing] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const replaceRef = useRef<HTMLButtonElement>(null);
  const moveFocus = useRef<'input' | 'replace' | null>(null);
  // A typed value, or an error about it, keeps the input open whatever was stored.
  const editing = !stored || replacing || value !== '' || error !== undefined;

  useEffect(() => {
    if (moveFocus.current === 'input') inputRef.current?.focus();
    if (moveFocus.current === 'replace') replaceRef.current?.focus();
    moveFocus.current = null;
  }, [editing]);

  if (!editing) {
    return (
      <div className="field secret-field">
        <span className="field-label" id={`${id}-label`}>
          {label}
        </span>
        <div className="secret-field-stored">
          <span id={`${id}-status`}>{presenceText(presence)}</span>
          <Button
            ref={replaceRef}
            id={id}
            aria-describedby={`${id}-label ${id}-status`}
            onClick={() => {
              moveFocus.current = 'input';
              setReplacing(true);
            }}
          >
            Replace
          </Button>
        </div>
      </div>
    );
  }

  return (
    <div className="secret-field">
      <TextField
        ref={inputRef}
        id={id}
        label={label}
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={value}
        hint={hint ?? (stored ? 'Leave empty to keep the stored secret.' : undefined)}
        error={error}
        onChange={(event) => onChange(event.target.value)}
      />
      {stored ? (
        <Button
          variant="ghost"
          onClick={() => {
            onChange('');
            moveFocus.current = 'replace';
            setReplacing(false);
          }}
        >
          Keep the stored secret
        </Button>
      ) : null}
    </div>
  );
}
