// What a used LUN's row offers. A LUN backs at most one disk (the seed's vDisk), so instead of a duplicate: for a
// floating disk, go to the disk that uses it; for a VM, attach that disk instead (the hosting wizard decides how).
// The visible words are short ("Go to disk", "Attach"), so the sticky actions column stays narrow and nothing in it
// is cut; the disk's name is in the row's status next to it, and in each control's accessible name.
import { Button } from '@patternfly/react-core';
import { Link } from 'react-router';
import type { Vm } from '../../domain/model';
import type { LunRow } from './lun-rows';
import { paths } from '../../ui/paths';
import { t } from '../../i18n/i18n';

export function GoToDiskLink({ row, tabbable }: { row: LunRow; tabbable: boolean }) {
  const use = row.availability.use;
  if (use.kind !== 'used-by-disk') return null;
  const alias = use.diskAlias ?? use.diskId;
  return (
    <Link to={paths.disk(use.diskId)} tabIndex={tabbable ? 0 : -1} aria-label={t('lunDisk.used.goToDiskLabel', { alias })} title={t('lunDisk.used.goToDiskLabel', { alias })}>
      {t('lunDisk.used.goToDisk')}
    </Link>
  );
}

/** Why this VM cannot take the disk that uses the LUN, or undefined when it can. */
export function attachBlocker(row: LunRow, vm: Vm): { short: string; reason: string } | undefined {
  const use = row.availability.use;
  if (use.kind !== 'used-by-disk') return { short: t('lunDisk.used.notUsed'), reason: t('lunDisk.used.notUsed') };
  if (use.vmNames.includes(vm.name)) return { short: t('lunDisk.used.attached'), reason: t('lunDisk.used.alreadyAttached', { vm: vm.name }) };
  if (!use.sharable && use.vmNames.length > 0) return { short: t('lunDisk.used.notSharable'), reason: t('lunDisk.used.notSharableAttached', { vms: use.vmNames.join(', ') }) };
  return undefined;
}

export function AttachInsteadAction({ row, tabbable, vm, onOpen }: { row: LunRow; tabbable: boolean; vm: Vm; onOpen: (diskId: string, alias: string) => void }) {
  const use = row.availability.use;
  if (use.kind !== 'used-by-disk') return null;
  const alias = use.diskAlias ?? use.diskId;
  const blocker = attachBlocker(row, vm);
  if (blocker) {
    // The short form shows; the whole reason is read out, shown on hover, and in the row's status and the line
    // under the table.
    return (
      <span title={blocker.reason}>
        <span aria-hidden>{blocker.short}</span>
        <span className="pf-v6-screen-reader">{blocker.reason}</span>
      </span>
    );
  }
  return (
    <Button
      variant="link"
      isInline
      tabIndex={tabbable ? 0 : -1}
      onClick={() => onOpen(use.diskId, alias)}
      style={{ whiteSpace: 'nowrap' }}
      aria-label={t('lunDisk.used.attachInstead', { alias })}
      title={t('lunDisk.used.attachInstead', { alias })}
    >
      {t('lunDisk.used.attach')}
    </Button>
  );
}

