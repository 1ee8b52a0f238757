/** Ids that tie a field's label, hint and error together for assistive technology. */
import { useId } from 'react';

export interface FieldIds {
  control: string;
  hint: string;
  error: string;
  /** The value for aria-describedby: the hint and the error that are actually shown. */
  describedBy: string | undefined;
}

export function useFieldIds(hint: unknown, error: unknown, id?: string): FieldIds {
  const base = useId();
  const control = id ?? `${base}-control`;
  const hintId = `${base}-hint`;
  const errorId = `${base}-error`;
  const parts = [hint ? hintId : null, error ? errorId : null].filter(Boolean);
  return {
    control,
    hint: hintId,
    error: errorId,
    describedBy: parts.length > 0 ? parts.join(' ') : undefined,
  };
}
