/**
 * The frame every labelled control shares: the label, the control, then its hint and error,
 * tied together by ids. The control itself comes from the caller, given the attributes that
 * name it and describe it for assistive technology.
 */
import type { ReactNode } from 'react';
import { FieldMessages } from './FieldMessages';
import { useFieldIds } from './fieldIds';

/** Spread onto the control: its id, invalid state and description. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

export interface FieldProps {
  label: string;
  hint?: string | undefined;
  error?: string | null | undefined;
  /** The control's id; one is made up when not given. */
  id?: string | undefined;
  className?: string | undefined;
  children: (control: FieldControlProps) => ReactNode;
}

export function Field({
  label,
  hint,
  error,
  id,
  className,
  children,
}: FieldProps): React.JSX.Element {
  const ids = useFieldIds(hint, error, id);
  const control: FieldControlProps = {
    id: ids.control,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': ids.describedBy,
  };
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label htmlFor={ids.control} className="field-label">
        {label}
      </label>
      {children(control)}
      <FieldMessages hintId={ids.hint} errorId={ids.error} hint={hint} error={error} />
    </div>
  );
}
