import { Button, Label, Modal, ModalBody, ModalFooter, ModalHeader } from '@patternfly/react-core';
import { useState } from 'react';
import type { EmulatedMode } from '../ui/engine-mode';
import { ModalClose } from '../ui/ModalClose';
import { t } from '../i18n/i18n';
import { Rich } from '../i18n/Rich';

/** "Emulated engine 4.5.7 · scenario lab · Reset": always visible in emulated mode, so nobody mistakes it for production. */
export function EmulatorIndicator({ mode, onOpenPanel }: { mode: EmulatedMode; onOpenPanel?: (() => void) | undefined }) {
  const [confirm, setConfirm] = useState(false);
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: '0.5rem' }} role="group" aria-label={t('emulator.engine')}>
      <Label color="purple" isCompact>
        {mode.engineVersion
          ? t('emulator.indicator.label', { version: mode.engineVersion, scenario: mode.scenario })
          : t('emulator.indicator.labelNoVersion', { scenario: mode.scenario })}
      </Label>
      {onOpenPanel ? (
        <Button variant="link" isInline onClick={onOpenPanel}>
          {t('emulator.indicator.openPanel')}
        </Button>
      ) : null}
      <Button variant="link" isInline onClick={() => setConfirm(true)}>
        {t('emulator.indicator.reset')}
      </Button>
      <Modal isOpen={confirm} onEscapePress={() => setConfirm(false)} variant="small" aria-labelledby="reset-title">
        <ModalClose onClose={() => setConfirm(false)} />
        <ModalHeader title={t('emulator.indicator.resetTitle', { scenario: mode.scenario })} labelId="reset-title" />
        <ModalBody>
          <Rich id="emulator.indicator.resetBody" values={{ scenario: mode.scenario }} tags={[(c) => <strong>{c}</strong>]} />
        </ModalBody>
        <ModalFooter>
          <Button variant="danger" onClick={() => mode.reset()}>
            {t('emulator.indicator.reset')}
          </Button>
          <Button variant="link" onClick={() => setConfirm(false)}>
            {t('common.cancel')}
          </Button>
        </ModalFooter>
      </Modal>
    </div>
  );
}
