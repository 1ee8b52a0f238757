/** A labelled multi-line input (a pasted PEM certificate), framed like the UI kit's TextField. */
import type { ComponentPropsWithRef } from 'react';
import { Field } from '../../ui/Field';

export interface TextAreaFieldProps extends Omit<
  ComponentPropsWithRef<'textarea'>,
  'aria-invalid'
> {
  label: string;
  hint?: string;
  error?: string | null;
}

export function TextAreaField({
  label,
  hint,
  error,
  id,
  className,
  ...rest
}: TextAreaFieldProps): React.JSX.Element {
  return (
    <Field label={label} hint={hint} error={error} id={id} className={className}>
      {(control) => <textarea {...rest} {...control} className="field-input field-textarea" />}
    </Field>
  );
}
