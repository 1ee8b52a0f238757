/**
 * Asks before something that cannot be undone from here (removing a profile, pinning a
 * certificate). Focus starts on Cancel, so Enter alone never confirms by accident.
 */
import { useRef, useState, type ReactNode } from 'react';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  confirmLabel: string;
  /** Danger for removals; primary for decisions that add trust. */
  tone?: 'danger' | 'primary';
  children: ReactNode;
  onConfirm: () => Promise<void> | void;
  onClose: () => void;
}

export function ConfirmDialog({
  open,
  title,
  confirmLabel,
  tone = 'danger',
  children,
  onConfirm,
  onClose,
}: ConfirmDialogProps): React.JSX.Element {
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);

  const confirm = async (): Promise<void> => {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={open}
      title={title}
      onClose={onClose}
      initialFocusRef={cancelRef}
      footer={
        <>
          <Button ref={cancelRef} onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button variant={tone} onClick={() => void confirm()} disabled={busy}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      {children}
    </Dialog>
  );
}
