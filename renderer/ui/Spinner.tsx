/**
 * A spinner with a spoken label, and BusyRegion, which marks its content aria-busy while it
 * loads so screen readers wait for the finished content.
 */
import type { ReactNode } from 'react';
import './feedback.css';

export function Spinner({ label }: { label: string }): React.JSX.Element {
  return (
    <span className="spinner" role="status">
      <span className="spinner-wheel" aria-hidden="true" />
      <span className="visually-hidden">{label}</span>
    </span>
  );
}

export interface BusyRegionProps {
  busy: boolean;
  label: string;
  children: ReactNode;
  className?: string;
}

export function BusyRegion({
  busy,
  label,
  children,
  className,
}: BusyRegionProps): React.JSX.Element {
  return (
    <div aria-busy={busy} className={className}>
      {busy ? <Spinner label={label} /> : null}
      {children}
    </div>
  );
}
