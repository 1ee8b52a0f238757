/**
 * A labelled text input. `error` should name what is wrong and how to fix it ("Base URL must
 * start with https://"); it marks the input invalid and is read with it.
 */
import type { ComponentPropsWithRef } from 'react';
import { FieldMessages } from './FieldMessages';
import { useFieldIds } from './fieldIds';
import './controls.css';

export interface TextFieldProps extends Omit<ComponentPropsWithRef<'input'>, 'aria-invalid'> {
  label: string;
  hint?: string;
  error?: string | null;
}

export function TextField({
  label,
  hint,
  error,
  id,
  className,
  type = 'text',
  ...rest
}: TextFieldProps): React.JSX.Element {
  const ids = useFieldIds(hint, error, id);
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label htmlFor={ids.control} className="field-label">
        {label}
      </label>
      <input
        {...rest}
        id={ids.control}
        type={type}
        className="field-input"
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
      />
      <FieldMessages hintId={ids.hint} errorId={ids.error} hint={hint} error={error} />
    </div>
  );
}
