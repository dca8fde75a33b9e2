import { Button, Label, Modal, ModalBody, ModalFooter, ModalHeader } from '@patternfly/react-core';
import { useState } from 'react';
import type { EmulatedMode } from '../ui/engine-mode';

/** "Emulated engine 4.5.7 · scenario lab · Reset": always visible in emulated mode, so nobody mistakes it for production. */
export function EmulatorIndicator({ mode, onOpenPanel }: { mode: EmulatedMode; onOpenPanel?: (() => void) | undefined }) {
  const [confirm, setConfirm] = useState(false);
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: '0.5rem' }} role="group" aria-label="Emulated engine">
      <Label color="purple" isCompact>
        Emulated engine{mode.engineVersion ? ` ${mode.engineVersion}` : ''} · scenario {mode.scenario}
      </Label>
      {onOpenPanel ? (
        <Button variant="link" isInline onClick={onOpenPanel}>
          Emulator panel
        </Button>
      ) : null}
      <Button variant="link" isInline onClick={() => setConfirm(true)}>
        Reset
      </Button>
      <Modal isOpen={confirm} onClose={() => setConfirm(false)} variant="small" aria-labelledby="reset-title">
        <ModalHeader title={`Reset scenario ${mode.scenario}?`} labelId="reset-title" />
        <ModalBody>
          The emulated engine goes back to the start of scenario <strong>{mode.scenario}</strong>: every disk, login and
          change made in this tab is lost, and you log in again.
        </ModalBody>
        <ModalFooter>
          <Button variant="danger" onClick={() => mode.reset()}>
            Reset
          </Button>
          <Button variant="link" onClick={() => setConfirm(false)}>
            Cancel
          </Button>
        </ModalFooter>
      </Modal>
    </div>
  );
}
