// Run, Shut down, Power off and Migrate on the VM page. A button that does not apply stays visible, disabled, with
// its reason in words right under the buttons (tied with aria-describedby), and the operations started here show
// their progress and result below the page header.
import { Button } from '@patternfly/react-core';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import type { Vm } from '../../domain/model';
import { attachmentsQueryOptions } from '../../engine-api/disk-attachments';
import { disksQueryOptions } from '../../engine-api/disks';
import { pendingOperation, useVmOperations } from './operations';
import { useLifecycleDialogs } from './use-lifecycle-dialogs';
import { ACTION_LABEL, actionAvailability, disabledReasons, type LifecycleAction } from '../../domain/vm-actions';
import { formatLocales, t } from '../../i18n/i18n';

const ORDER: LifecycleAction[] = ['start', 'shutdown', 'stop', 'migrate'];

/**
 * The VM's attachments with disk aliases, for the SCSI reservation rule: undefined while they load (Migrate waits,
 * "checking…"), 'unreadable' if they could not be read (retried every few seconds).
 */
export function useAttachmentsWithAliases(vmId: string) {
  const attachments = useQuery({ ...attachmentsQueryOptions(vmId), refetchInterval: (q) => (q.state.status === 'error' ? 5000 : false) });
  const disks = useQuery(disksQueryOptions());
  if (attachments.isError && !attachments.data) return 'unreadable' as const;
  // A reserving disk is named by its alias: while the disks are still loading, Migrate stays "checking…" rather than
  // naming the disk by its id for a moment (the id only if the disks cannot be read).
  if (disks.isPending && attachments.data?.some((a) => a.active && a.usesScsiReservation)) return undefined;
  return attachments.data?.map((a) => ({ ...a, alias: disks.data?.find((d) => d.id === a.diskId)?.alias }));
}

export function VmLifecycleActions({ vm }: { vm: Vm }) {
  const ops = useVmOperations(vm.id);
  const pending = pendingOperation(ops, vm.id);
  const attachments = useAttachmentsWithAliases(vm.id);
  const states = actionAvailability({ vm, attachments, pending: pending ? { label: ACTION_LABEL[pending.kind] } : undefined });
  const reasons = disabledReasons(states);
  const { open, dialogs } = useLifecycleDialogs();
  const base = useId();
  const reasonId = (a: LifecycleAction) => {
    const i = reasons.findIndex((r) => r.actions.includes(a));
    return i >= 0 ? `${base}-why-${i}` : undefined;
  };
  return (
    <div>
      <div role="group" aria-label={t('vm.actions.groupLabel', { vm: vm.name })} style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap' }}>
        {ORDER.map((a) => (
          <Button
            key={a}
            variant={a === 'start' || a === 'migrate' ? 'secondary' : a === 'stop' ? 'danger' : 'secondary'}
            isAriaDisabled={!states[a].enabled}
            aria-describedby={reasonId(a)}
            onClick={() => open(vm, a)}
          >
            {ACTION_LABEL[a]}
          </Button>
        ))}
      </div>
      {reasons.length > 0 ? (
        <ul style={{ listStyle: 'none', padding: 0, margin: '0.5rem 0 0', color: 'var(--pf-t--global--text--color--subtle)', maxWidth: '40rem' }}>
          {reasons.map((r, i) => (
            <li key={r.reason} id={`${base}-why-${i}`}>
              {t(r.reason.endsWith('…') ? 'vm.actions.reasonOpen' : 'vm.actions.reason', {
                actions: new Intl.ListFormat(formatLocales(), { style: 'short', type: 'unit' }).format(r.actions.map((a) => ACTION_LABEL[a])),
                reason: r.reason,
              })}
            </li>
          ))}
        </ul>
      ) : null}
      {dialogs}
    </div>
  );
}
