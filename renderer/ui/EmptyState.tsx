/** What a screen shows when there is nothing yet, and what to do about it. */
import type { ReactNode } from 'react';
import './feedback.css';

export interface EmptyStateProps {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  icon?: ReactNode;
}

export function EmptyState({ title, children, action, icon }: EmptyStateProps): React.JSX.Element {
  return (
    <div className="empty-state">
      {icon}
      <p className="empty-state-title">{title}</p>
      {children ? <div className="empty-state-body">{children}</div> : null}
      {action ? <div className="empty-state-action">{action}</div> : null}
    </div>
  );
}
