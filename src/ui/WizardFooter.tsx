// A wizard's buttons: Next (validates the step) or, on the last step, the final action; Back; Cancel. While the
// final action runs, every button waits, so nothing is sent twice.
import { Button, WizardFooterWrapper, type WizardStepType } from '@patternfly/react-core';
import type { MouseEvent } from 'react';
import { t } from '../i18n/i18n';

type Handler = (e: MouseEvent<HTMLButtonElement>) => void | Promise<void>;

export function WizardFooter({
  activeStep,
  isFinal,
  finalLabel,
  busyLabel,
  busy,
  onFinal,
  onNext,
  onBack,
  onCancel,
}: {
  activeStep: WizardStepType;
  isFinal: boolean;
  finalLabel: string;
  busyLabel: string;
  busy: boolean;
  onFinal: () => void;
  /** Called with the wizard's own "go to the next step" once the step is valid. */
  onNext: Handler;
  onBack: Handler;
  onCancel: () => void;
}) {
  return (
    <WizardFooterWrapper style={{ gap: '0.5rem' }}>
      {isFinal ? (
        <Button variant="primary" onClick={onFinal} isLoading={busy} isDisabled={busy}>
          {busy ? busyLabel : finalLabel}
        </Button>
      ) : (
        <Button variant="primary" onClick={(e) => void onNext(e)}>
          {t('common.wizard.next')}
        </Button>
      )}
      <Button variant="secondary" onClick={(e) => void onBack(e)} isDisabled={activeStep.index === 1 || busy}>
        {t('common.wizard.back')}
      </Button>
      <Button variant="link" onClick={onCancel} isDisabled={busy}>
        {t('common.cancel')}
      </Button>
    </WizardFooterWrapper>
  );
}
