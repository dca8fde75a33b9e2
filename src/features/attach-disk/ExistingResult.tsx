// The end of "Attach existing disks": a summary, then per disk the engine's job steps with a retry of the step that
// failed (the attach, or the plug: a disk attached but not plugged is a partial success, decision 021), and where
// to go next. The buttons wait while a retry runs.
import { Alert, Button, Title } from '@patternfly/react-core';
import { Link } from 'react-router';
import type { Vm } from '../../domain/model';
import { AttachResults, attachSummary } from '../../flows/disk-attach/AttachResults';
import type { AttachItemState } from '../../flows/disk-attach/use-attach-disks';
import { t } from '../../i18n/i18n';
import { alertLabel } from '../../i18n/patternfly';

export function ExistingResult({
  states,
  vm,
  vmDisksPath,
  origin,
  busy,
  resumedAfterReload = false,
  onRetryPlug,
  onRetryAttach,
  onDone,
  onRestart,
}: {
  states: readonly AttachItemState[];
  vm: Vm;
  /** The VM's Disks tab: offered as a link unless the user came from there (then Done goes there). */
  vmDisksPath: string;
  origin: string;
  busy: boolean;
  /** The page was reloaded while the run was in flight: these results are what the engine held afterwards. */
  resumedAfterReload?: boolean;
  onRetryPlug: (diskId: string) => void;
  onRetryAttach: (diskId: string) => void;
  onDone: () => void;
  onRestart: () => void;
}) {
  const summary = attachSummary(states, vm.name);
  return (
    <section aria-labelledby="attach-result-title" style={{ display: 'grid', gap: '1rem' }}>
      <Title headingLevel="h2" id="attach-result-title" className="pf-v6-screen-reader">
        {t('attach.result.title')}
      </Title>
      <div aria-live="polite">
        <Alert variant={summary.variant} variantLabel={alertLabel(summary.variant)} isInline title={summary.title} component="h2" data-testid="attach-summary">
          {resumedAfterReload ? <p>{t('attach.result.resumed')}</p> : null}
        </Alert>
      </div>
      <AttachResults states={states} vmName={vm.name} headingLevel="h3" onRetryPlug={onRetryPlug} onRetryAttach={onRetryAttach} />
      <div style={{ display: 'flex', gap: '1rem', alignItems: 'center' }}>
        <Button variant="primary" onClick={onDone} isDisabled={busy}>
          {t('attach.result.done')}
        </Button>
        <Button variant="secondary" onClick={onRestart} isDisabled={busy}>
          {t('attach.result.more')}
        </Button>
        {origin !== vmDisksPath ? <Link to={vmDisksPath}>{t('attach.result.goToDisks', { vm: vm.name })}</Link> : null}
      </div>
    </section>
  );
}
