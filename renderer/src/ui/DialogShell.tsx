import type { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';

/** A modal dialog: focus is trapped and restored, Escape and a click outside close it (unless busy). */
export function DialogShell(props: { title: ReactNode; onClose: () => void; children: ReactNode; size?: 'narrow' | 'wide'; dismissable?: boolean; className?: string }) {
  const dismissable = props.dismissable ?? true;
  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen
      isDismissable={dismissable}
      isKeyboardDismissDisabled={!dismissable}
      onOpenChange={(open) => {
        if (!open) props.onClose();
      }}
    >
      <Modal className={`modal ${props.size ?? ''}`}>
        <Dialog className={`dialog ${props.className ?? ''}`}>
          <Heading slot="title">{props.title}</Heading>
          {props.children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
