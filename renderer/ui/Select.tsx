/** A labelled native select: the platform's own keyboard and screen-reader behaviour. */
import { FieldMessages } from './FieldMessages';
import { useFieldIds } from './fieldIds';
import './controls.css';

export interface SelectOption<V extends string> {
  value: V;
  label: string;
  disabled?: boolean;
}

export interface SelectProps<V extends string> {
  label: string;
  value: V;
  options: readonly SelectOption<V>[];
  onChange: (value: V) => void;
  hint?: string;
  error?: string | null;
  disabled?: boolean;
  id?: string;
  className?: string;
}

export function Select<V extends string>({
  label,
  value,
  options,
  onChange,
  hint,
  error,
  disabled,
  id,
  className,
}: SelectProps<V>): React.JSX.Element {
  const ids = useFieldIds(hint, error, id);
  const byValue = new Map(options.map((option) => [option.value as string, option.value]));
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label htmlFor={ids.control} className="field-label">
        {label}
      </label>
      <select
        id={ids.control}
        className="field-input field-select"
        value={value}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        onChange={(event) => {
          const next = byValue.get(event.target.value);
          if (next !== undefined) onChange(next);
        }}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldMessages hintId={ids.hint} errorId={ids.error} hint={hint} error={error} />
    </div>
  );
}
