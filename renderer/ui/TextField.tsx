/**
 * A labelled text input. `error` should name what is wrong and how to fix it ("Base URL must
 * start with https://"); it marks the input invalid and is read with it.
 */
import type { ComponentPropsWithRef } from 'react';
import { Field } from './Field';
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
  return (
    <Field label={label} hint={hint} error={error} id={id} className={className}>
      {(control) => <input {...rest} {...control} type={type} className="field-input" />}
    </Field>
  );
}
