// The result of attaching disks, per disk: attached and plugged; attached, inactive as chosen; attached but not
// plugged (why, and Retry plug); or not attached (why, and Try again) — with the engine's job steps of each disk.
// A partial success is never reported as a success or a failure of the whole.
import { Alert, AlertActionLink, Title } from '@patternfly/react-core';
import { errorText } from '../../engine-api/errors';
import { JobProgress } from '../../ui/JobProgress';
import { isSettled, type AttachItemState } from './use-attach-disks';
import { formatLocales, t } from '../../i18n/i18n';
import { alertLabel } from '../../i18n/patternfly';

export function attachSummary(states: readonly AttachItemState[], vmName: string): { variant: 'success' | 'warning' | 'danger' | 'info'; title: string } {
  const count = (p: (s: AttachItemState) => boolean) => states.filter(p).length;
  if (states.some((s) => !isSettled(s.phase))) return { variant: 'info', title: t('attach.results.attaching', { vm: vmName }) };
  const notAttached = count((s) => s.phase === 'attach-failed');
  const notPlugged = count((s) => s.phase === 'plug-failed');
  const ok = states.length - notAttached - notPlugged;
  if (notAttached === 0 && notPlugged === 0) {
    const one = states[0]?.item.alias;
    return {
      variant: 'success',
      title:
        states.length === 1
          ? t('attach.results.oneAttached', { disk: one ?? '', diskNamed: one ? 'yes' : 'no', vm: vmName })
          : t('attach.results.allAttached', { count: states.length, vm: vmName }),
    };
  }
  const parts = [
    ok > 0 ? t('attach.results.partOk', { count: ok }) : undefined,
    notPlugged > 0 ? t('attach.results.partNotPlugged', { count: notPlugged }) : undefined,
    notAttached > 0 ? t('attach.results.partNotAttached', { count: notAttached }) : undefined,
  ].filter((p) => p !== undefined);
  const list = new Intl.ListFormat(formatLocales(), { style: 'short', type: 'unit' }).format(parts);
  return { variant: notAttached === states.length ? 'danger' : 'warning', title: t('attach.results.mixed', { parts: list, vm: vmName }) };
}

/** The engine's words as a sentence, so what follows reads apart from them. */
function sentence(s: string): string {
  return /[.!?]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`;
}

function itemAlert(s: AttachItemState, vmName: string) {
  const alias = s.item.alias;
  const v = { disk: alias, vm: vmName, again: s.alreadyAttached ? 'yes' : 'no' };
  switch (s.phase) {
    case 'waiting':
      return { variant: 'info' as const, title: t('attach.results.waiting', v) };
    case 'attaching':
      return { variant: 'info' as const, title: t('attach.results.attachingOne', v) };
    case 'plugging':
      return { variant: 'info' as const, title: t('attach.results.plugging', v) };
    case 'plugged':
      return { variant: 'success' as const, title: t('attach.results.plugged', v), body: s.alreadyAttached ? t('attach.results.alreadyAttached') : undefined };
    case 'attached':
      return { variant: 'success' as const, title: t('attach.results.attachedInactive', v), body: t('attach.results.attachedInactiveBody', v) };
    case 'plug-failed':
      return {
        variant: 'warning' as const,
        title: t('attach.results.plugFailed', v),
        body: t('attach.results.plugFailedBody', { ...v, reason: sentence(errorText(s.error)) }),
      };
    case 'attach-failed':
      return { variant: 'danger' as const, title: t('attach.results.attachFailed', v), body: t('attach.results.attachFailedBody', { ...v, reason: sentence(errorText(s.error)) }) };
  }
}

export function AttachResults({
  states,
  vmName,
  onRetryPlug,
  onRetryAttach,
  headingLevel = 'h3',
}: {
  states: readonly AttachItemState[];
  vmName: string;
  onRetryPlug: (diskId: string) => void;
  onRetryAttach: (diskId: string) => void;
  headingLevel?: 'h2' | 'h3';
}) {
  const busy = states.some((s) => !isSettled(s.phase));
  const stepLevel = headingLevel === 'h2' ? 'h3' : 'h4';
  return (
    <ul aria-label={t('attach.results.listLabel')} style={{ display: 'grid', gap: '1rem', listStyle: 'none', padding: 0 }}>
      {states.map((s) => {
        const a = itemAlert(s, vmName);
        const retry =
          s.phase === 'plug-failed' ? (
            <AlertActionLink onClick={() => onRetryPlug(s.item.diskId)} isDisabled={busy} aria-label={t('attach.results.retryPlugOf', { disk: s.item.alias })}>
              {t('attach.results.retryPlug')}
            </AlertActionLink>
          ) : s.phase === 'attach-failed' ? (
            <AlertActionLink onClick={() => onRetryAttach(s.item.diskId)} isDisabled={busy} aria-label={t('attach.results.tryAgainOf', { disk: s.item.alias })}>
              {t('attach.results.tryAgain')}
            </AlertActionLink>
          ) : undefined;
        return (
          <li key={s.item.diskId} data-disk={s.item.alias} data-phase={s.phase}>
            <Alert variant={a.variant} variantLabel={alertLabel(a.variant)} isInline title={a.title} component={headingLevel} actionLinks={retry}>
              {a.body ? <p>{a.body}</p> : null}
              <Title headingLevel={stepLevel} className="pf-v6-screen-reader">
                {t('attach.results.stepsHeading', { disk: s.item.alias })}
              </Title>
              {s.correlationIds.map((c, i) => (
                <JobProgress
                  key={c}
                  correlationId={c}
                  active={i === s.correlationIds.length - 1 && (s.phase === 'attaching' || s.phase === 'plugging')}
                  label={i === 0 ? t('attach.results.steps', { disk: s.item.alias }) : t('attach.results.stepsRetry', { n: i, disk: s.item.alias })}
                />
              ))}
            </Alert>
          </li>
        );
      })}
    </ul>
  );
}
