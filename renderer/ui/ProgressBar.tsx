/**
 * Progress of a long operation: a progressbar with the count, the rate and the time left in
 * words, and a Cancel button when the operation can be stopped.
 */
import { Button } from './Button';
import { formatCount, formatDuration } from './format';
import './feedback.css';

export interface ProgressBarProps {
  /** Names the operation, e.g. "Full sync". */
  label: string;
  value: number;
  /** Null while the total is not known yet: the bar is indeterminate. */
  max: number | null;
  /** What is being counted, plural: "organizations". */
  unit?: string;
  ratePerSecond?: number | null;
  etaSeconds?: number | null;
  onCancel?: () => void;
}

export function progressText({
  value,
  max,
  unit = 'items',
  ratePerSecond,
  etaSeconds,
}: Pick<ProgressBarProps, 'value' | 'max' | 'unit' | 'ratePerSecond' | 'etaSeconds'>): string {
  const count =
    max === null
      ? `${formatCount(value)} ${unit}`
      : `${formatCount(value)} of ${formatCount(max)} ${unit}`;
  const parts = [count];
  if (ratePerSecond != null) parts.push(`${formatCount(Math.round(ratePerSecond))}/s`);
  if (etaSeconds != null) parts.push(`about ${formatDuration(etaSeconds)} left`);
  return parts.join(' · ');
}

export function ProgressBar(props: ProgressBarProps): React.JSX.Element {
  const { label, value, max, onCancel } = props;
  const text = progressText(props);
  const percent = max !== null && max > 0 ? Math.min(100, (value / max) * 100) : null;
  return (
    <div className="progress">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={max === null ? undefined : 0}
        aria-valuemax={max ?? undefined}
        aria-valuenow={max === null ? undefined : value}
        aria-valuetext={text}
        className="progress-track"
      >
        <div
          className={percent === null ? 'progress-fill progress-indeterminate' : 'progress-fill'}
          style={percent === null ? undefined : { width: `${percent}%` }}
        />
      </div>
      <span className="progress-text">{text}</span>
      {onCancel ? (
        <Button variant="ghost" aria-label={`Cancel ${label.toLowerCase()}`} onClick={onCancel}>
          Cancel
        </Button>
      ) : null}
    </div>
  );
}
