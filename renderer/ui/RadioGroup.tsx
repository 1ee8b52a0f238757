/** Native radio buttons in a fieldset: arrow keys move between options, the legend names them. */
import { useId } from 'react';
import './controls.css';

export interface RadioOption<V extends string> {
  value: V;
  label: string;
  description?: string;
}

export interface RadioGroupProps<V extends string> {
  legend: string;
  value: V;
  options: readonly RadioOption<V>[];
  onChange: (value: V) => void;
  disabled?: boolean;
  className?: string;
}

export function RadioGroup<V extends string>({
  legend,
  value,
  options,
  onChange,
  disabled,
  className,
}: RadioGroupProps<V>): React.JSX.Element {
  const name = useId();
  return (
    <fieldset className={['radio-group', className].filter(Boolean).join(' ')} disabled={disabled}>
      <legend className="field-label">{legend}</legend>
      {options.map((option, index) => {
        const id = `${name}-${index}`;
        return (
          <div key={option.value} className="radio-option">
            <input
              id={id}
              type="radio"
              name={name}
              value={option.value}
              checked={option.value === value}
              aria-describedby={option.description ? `${id}-description` : undefined}
              onChange={() => onChange(option.value)}
            />
            <label htmlFor={id}>{option.label}</label>
            {option.description ? (
              <p id={`${id}-description`} className="field-hint">
                {option.description}
              </p>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}
