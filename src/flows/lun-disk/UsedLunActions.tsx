// What a used LUN's row offers. A LUN backs at most one disk (the seed's vDisk), so instead of a duplicate: for a
// floating disk, go to the disk that uses it; for a VM, attach that disk instead (the hosting wizard decides how).
import { Button } from '@patternfly/react-core';
import { Link } from 'react-router';
import type { Vm } from '../../domain/model';
import type { LunRow } from './lun-rows';
import { paths } from '../../ui/paths';

export function GoToDiskLink({ row, tabbable }: { row: LunRow; tabbable: boolean }) {
  const use = row.availability.use;
  if (use.kind !== 'used-by-disk') return null;
  const alias = use.diskAlias ?? use.diskId;
  return (
    <Link to={paths.disk(use.diskId)} tabIndex={tabbable ? 0 : -1}>
      Go to disk {alias}
    </Link>
  );
}

/** Why this VM cannot take the disk that uses the LUN, or undefined when it can. */
export function attachBlocker(row: LunRow, vm: Vm): string | undefined {
  const use = row.availability.use;
  if (use.kind !== 'used-by-disk') return 'Not used by a disk.';
  if (use.vmNames.includes(vm.name)) return `Already attached to ${vm.name}`;
  if (!use.sharable && use.vmNames.length > 0) return `Not sharable, attached to ${use.vmNames.join(', ')}`;
  return undefined;
}

export function AttachInsteadAction({ row, tabbable, vm, onOpen }: { row: LunRow; tabbable: boolean; vm: Vm; onOpen: (diskId: string, alias: string) => void }) {
  const use = row.availability.use;
  if (use.kind !== 'used-by-disk') return null;
  const alias = use.diskAlias ?? use.diskId;
  const blocker = attachBlocker(row, vm);
  if (blocker) {
    return <span title={blocker}>{blocker}</span>;
  }
  return (
    <Button variant="link" isInline tabIndex={tabbable ? 0 : -1} onClick={() => onOpen(use.diskId, alias)} style={{ whiteSpace: 'nowrap' }}>
      Attach disk {alias} instead
    </Button>
  );
}

