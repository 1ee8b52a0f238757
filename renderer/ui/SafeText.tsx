/** Renders untrusted text as text, with invisible characters shown as marked-up markers. */
import { toSegments } from './visibleText';
import './safeText.css';

export interface SafeTextProps {
  value: string;
  className?: string;
}

export function SafeText({ value, className }: SafeTextProps): React.JSX.Element {
  const segments = toSegments(value);
  return (
    <span className={className}>
      {segments.map((segment, index) =>
        segment.marker ? (
          <span key={index} className="safe-text-marker">
            {segment.text}
          </span>
        ) : (
          segment.text
        ),
      )}
    </span>
  );
}
