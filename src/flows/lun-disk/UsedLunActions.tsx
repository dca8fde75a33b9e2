// What a used LUN's row offers. A LUN backs at most one disk (the seed's vDisk), so instead of a duplicate: for a
// floating disk, go to the disk that uses it; for a VM, attach that disk instead (the hosting wizard decides how).
// The visible words are short ("Go to disk", "Attach"), so the sticky actions column stays narrow and nothing in it
// is cut; the disk's name is in the row's status next to it, and in each control's accessible name.
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
    <Link to={paths.disk(use.diskId)} tabIndex={tabbable ? 0 : -1} aria-label={`Go to disk ${alias}`} title={`Go to disk ${alias}`}>
      Go to disk
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
    // The short form shows; the whole reason is read out, shown on hover, and in the row's status and the line
    // under the table.
    const short = blocker.startsWith('Already') ? 'Attached' : 'Not sharable';
    return (
      <span title={blocker}>
        <span aria-hidden>{short}</span>
        <span className="pf-v6-screen-reader">{blocker}</span>
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
      aria-label={`Attach disk ${alias} instead`}
      title={`Attach disk ${alias} instead`}
    >
      Attach
    </Button>
  );
}

