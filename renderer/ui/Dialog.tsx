// A modal dialog on the native <dialog> element: focus is trapped, Escape closes it, the
// page behind is inert. The accessible name comes from `label` (tests find dialogs by it).
import { useEffect, useRef, type ReactNode } from 'react';
import './dialog.css';

interface DialogProps {
  label: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
  describedBy?: string;
  /** 'alertdialog' for a confirmation that interrupts (removing an account). */
  role?: 'dialog' | 'alertdialog';
}

export function Dialog({ label, onClose, children, className, describedBy, role }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    // Chromium gives the focus back on close only to an element of this document; a dialog opened
    // from inside a frame (a link in the message body) left it nowhere, so it is put back here.
    const opener = document.activeElement;
    if (!dialog.open) dialog.showModal();
    const onCancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
      const lost = document.activeElement === null || document.activeElement === document.body;
      if (lost && opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={className ? `dialog ${className}` : 'dialog'}
      role={role}
      aria-label={label}
      aria-describedby={describedBy}
    >
      {children}
    </dialog>
  );
}
