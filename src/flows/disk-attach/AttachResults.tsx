// The result of attaching disks, per disk: attached and plugged; attached, inactive as chosen; attached but not
// plugged (why, and Retry plug); or not attached (why, and Try again) — with the engine's job steps of each disk.
// A partial success is never reported as a success or a failure of the whole.
import { Alert, AlertActionLink, Title } from '@patternfly/react-core';
import { errorText } from '../../engine-api/errors';
import { JobProgress } from '../../ui/JobProgress';
import { isSettled, type AttachItemState } from './use-attach-disks';

export function attachSummary(states: readonly AttachItemState[], vmName: string): { variant: 'success' | 'warning' | 'danger' | 'info'; title: string } {
  const count = (p: (s: AttachItemState) => boolean) => states.filter(p).length;
  if (states.some((s) => !isSettled(s.phase))) return { variant: 'info', title: `Attaching to ${vmName}…` };
  const notAttached = count((s) => s.phase === 'attach-failed');
  const notPlugged = count((s) => s.phase === 'plug-failed');
  const ok = states.length - notAttached - notPlugged;
  const disks = (n: number) => `${n} ${n === 1 ? 'disk' : 'disks'}`;
  if (notAttached === 0 && notPlugged === 0) {
    return { variant: 'success', title: states.length === 1 ? `${states[0]?.item.alias ?? 'The disk'} is attached to ${vmName}` : `All ${states.length} disks are attached to ${vmName}` };
  }
  const parts = [
    ok > 0 ? `${disks(ok)} attached as asked` : undefined,
    notPlugged > 0 ? `${disks(notPlugged)} attached but not plugged` : undefined,
    notAttached > 0 ? `${disks(notAttached)} not attached` : undefined,
  ].filter(Boolean);
  return { variant: notAttached === states.length ? 'danger' : 'warning', title: `${parts.join(', ')} (${vmName})` };
}

/** The engine's words as a sentence, so what follows reads apart from them. */
function sentence(t: string): string {
  return /[.!?]$/.test(t.trim()) ? t.trim() : `${t.trim()}.`;
}

function itemAlert(s: AttachItemState, vmName: string) {
  const alias = s.item.alias;
  const again = s.alreadyAttached ? ' It was already attached from an earlier try; nothing was attached twice.' : '';
  switch (s.phase) {
    case 'waiting':
      return { variant: 'info' as const, title: `${alias}: waiting for the disks before it` };
    case 'attaching':
      return { variant: 'info' as const, title: `${alias}: attaching to ${vmName}…` };
    case 'plugging':
      return { variant: 'info' as const, title: `${alias}: attached; plugging it into ${vmName}…` };
    case 'plugged':
      return { variant: 'success' as const, title: `${alias} is attached to ${vmName} and plugged`, body: again.trim() || undefined };
    case 'attached':
      return { variant: 'success' as const, title: `${alias} is attached to ${vmName}, inactive as you chose`, body: `Activate it from ${vmName}'s Disks tab when you need it.${again}` };
    case 'plug-failed':
      return {
        variant: 'warning' as const,
        title: `${alias} is attached to ${vmName}, but not plugged`,
        body: `The plug failed: ${sentence(errorText(s.error))} ${alias} stays attached and inactive. Fix the cause, then retry the plug.${again}`,
      };
    case 'attach-failed':
      return { variant: 'danger' as const, title: `${alias} was not attached to ${vmName}`, body: `${sentence(errorText(s.error))} Nothing changed on ${vmName} for this disk.` };
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
    <ul aria-label="Disks attached" style={{ display: 'grid', gap: '1rem', listStyle: 'none', padding: 0 }}>
      {states.map((s) => {
        const a = itemAlert(s, vmName);
        const retry =
          s.phase === 'plug-failed' ? (
            <AlertActionLink onClick={() => onRetryPlug(s.item.diskId)} isDisabled={busy} aria-label={`Retry plug of ${s.item.alias}`}>
              Retry plug
            </AlertActionLink>
          ) : s.phase === 'attach-failed' ? (
            <AlertActionLink onClick={() => onRetryAttach(s.item.diskId)} isDisabled={busy} aria-label={`Try again to attach ${s.item.alias}`}>
              Try again
            </AlertActionLink>
          ) : undefined;
        return (
          <li key={s.item.diskId} data-disk={s.item.alias} data-phase={s.phase}>
            <Alert variant={a.variant} isInline title={a.title} component={headingLevel} actionLinks={retry}>
              {a.body ? <p>{a.body}</p> : null}
              <Title headingLevel={stepLevel} className="pf-v6-screen-reader">
                Engine steps for {s.item.alias}
              </Title>
              {s.correlationIds.map((c, i) => (
                <JobProgress
                  key={c}
                  correlationId={c}
                  active={i === s.correlationIds.length - 1 && (s.phase === 'attaching' || s.phase === 'plugging')}
                  label={i === 0 ? `Steps for ${s.item.alias}` : `Steps of retry ${i} for ${s.item.alias}`}
                />
              ))}
            </Alert>
          </li>
        );
      })}
    </ul>
  );
}
