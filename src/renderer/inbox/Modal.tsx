// A modal dialog on the browser's own <dialog>: focus moves in and stays in, Escape closes it,
// and the page behind it is inert while it is open; on closing, focus goes back to the opener.
import { useEffect, useRef, type ReactNode } from 'react';
import { useDialogFocus } from '../components/use-dialog-focus';

interface Props {
  title: string;
  onClose(): void;
  children: ReactNode;
  className?: string;
}

export function Modal({ title, onClose, children, className }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  // Escape is the <dialog>'s own cancel event (below), so the hook only keeps and returns focus.
  const onKeyDown = useDialogFocus(ref);
  return (
    <dialog
      ref={ref}
      className={`modal${className ? ` ${className}` : ''}`}
      aria-labelledby="modal-title"
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <header className="modal-header">
        <h2 id="modal-title">{title}</h2>
        <button type="button" className="button-quiet" aria-label="Close" onClick={onClose}>
          ✕
        </button>
      </header>
      {children}
    </dialog>
  );
}
