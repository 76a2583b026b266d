import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { batchLabel, type Batch } from '../../../shared/schemas/batch';
import { plural } from '../ui/format';

/** **Unbatch all**, after a confirmation: every run leaves and the batch is dissolved. */
export function UnbatchAllConfirm({ batch, onConfirm, busy }: { batch: Batch; onConfirm: () => Promise<boolean>; busy: boolean }) {
  return (
    <DialogTrigger>
      <Button className="button danger" isDisabled={busy}>
        Unbatch all
      </Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal narrow">
          <Dialog className="dialog" role="alertdialog">
            {({ close }) => (
              <>
                <Heading slot="title">Unbatch all runs?</Heading>
                <p>
                  All {plural(batch.memberRunIds.length, 'run')} leave {batchLabel(batch)} and continue on their own, keeping every sign-off and redline they have. The batch is dissolved.
                </p>
                <div className="dialog-footer">
                  <Button className="button" onPress={close} autoFocus>
                    Keep the batch
                  </Button>
                  <Button
                    className="button danger solid"
                    isDisabled={busy}
                    onPress={() => {
                      void onConfirm().then((done) => {
                        if (done) close();
                      });
                    }}
                  >
                    Unbatch all
                  </Button>
                </div>
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
