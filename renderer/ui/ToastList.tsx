/**
 * Visible toasts. Screen readers hear them through the LiveRegion, so this list is not a live
 * region itself (that would read each message twice). Errors stay until dismissed.
 */
import { useEffect } from 'react';
import { IconButton } from './IconButton';
import { AlertIcon, CheckIcon, CloseIcon, InfoIcon } from './icons';
import { SafeText } from './SafeText';
import './feedback.css';

export interface ToastItem {
  id: number;
  text: string;
  tone: 'info' | 'success' | 'error';
}

export interface ToastListProps {
  toasts: readonly ToastItem[];
  onDismiss: (id: number) => void;
  /** How long info and success toasts stay. */
  timeoutMs?: number;
}

const ICONS = { info: <InfoIcon />, success: <CheckIcon />, error: <AlertIcon /> } as const;

function ToastView({
  toast,
  onDismiss,
  timeoutMs,
}: {
  toast: ToastItem;
  onDismiss: (id: number) => void;
  timeoutMs: number;
}): React.JSX.Element {
  useEffect(() => {
    if (toast.tone === 'error') return;
    const timer = setTimeout(() => onDismiss(toast.id), timeoutMs);
    return () => clearTimeout(timer);
  }, [toast, onDismiss, timeoutMs]);

  return (
    <li className={`toast toast-${toast.tone}`}>
      {ICONS[toast.tone]}
      <SafeText value={toast.text} className="toast-text" />
      <IconButton label="Dismiss" icon={<CloseIcon />} onClick={() => onDismiss(toast.id)} />
    </li>
  );
}

export function ToastList({
  toasts,
  onDismiss,
  timeoutMs = 6000,
}: ToastListProps): React.JSX.Element {
  return (
    <ul className="toast-list" aria-label="Notifications">
      {toasts.map((toast) => (
        <ToastView key={toast.id} toast={toast} onDismiss={onDismiss} timeoutMs={timeoutMs} />
      ))}
    </ul>
  );
}
