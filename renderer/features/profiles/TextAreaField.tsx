/** A labelled multi-line input (a pasted PEM certificate), wired like the UI kit's TextField. */
import type { ComponentPropsWithRef } from 'react';
import { FieldMessages } from '../../ui/FieldMessages';
import { useFieldIds } from '../../ui/fieldIds';

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
  const ids = useFieldIds(hint, error, id);
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label htmlFor={ids.control} className="field-label">
        {label}
      </label>
      <textarea
        {...rest}
        id={ids.control}
        className="field-input field-textarea"
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
      />
      <FieldMessages hintId={ids.hint} errorId={ids.error} hint={hint} error={error} />
    </div>
  );
}
