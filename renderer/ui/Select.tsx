/** A labelled native select: the platform's own keyboard and screen-reader behaviour. */
import { Field } from './Field';
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
  const byValue = new Map(options.map((option) => [option.value as string, option.value]));
  return (
    <Field label={label} hint={hint} error={error} id={id} className={className}>
      {(control) => (
        <select
          {...control}
          className="field-input field-select"
          value={value}
          disabled={disabled}
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
      )}
    </Field>
  );
}
