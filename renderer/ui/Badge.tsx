/** A short status label. Meaning is always in the text (and optional icon), never colour alone. */
import type { ReactNode } from 'react';
import './feedback.css';

export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

export interface BadgeProps {
  tone?: BadgeTone;
  icon?: ReactNode;
  children: ReactNode;
  className?: string;
  title?: string;
}

export function Badge({
  tone = 'neutral',
  icon,
  children,
  className,
  title,
}: BadgeProps): React.JSX.Element {
  return (
    <span className={['badge', `badge-${tone}`, className].filter(Boolean).join(' ')} title={title}>
      {icon}
      <span>{children}</span>
    </span>
  );
}
