// Disks → New disk (/disks/new): a floating direct-LUN disk; a VM → New disk (/disks/new?vm=<id>): a disk
// created, attached to that VM and, when Activate is on, plugged. After success or cancel the user goes back
// to where they came from (the entry point passes it as router state).
import { Breadcrumb, BreadcrumbItem, PageBreadcrumb, PageSection } from '@patternfly/react-core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { vmContentQueryOptions } from '../../engine-api/vms';
import { fromState } from '../../ui/navigation';
import { PageHeader } from '../../ui/PageSection';
import { LoadError, Loading } from '../../ui/QueryStates';
import { AddDiskWizard } from './AddDiskWizard';
import { paths } from '../../ui/paths';

export function AddDiskPage() {
  const [params] = useSearchParams();
  const vmId = params.get('vm') ?? undefined;
  const location = useLocation();
  const origin = fromState(location.state) ?? (vmId ? paths.vm(vmId, { tab: 'disks' }) : paths.disks());
  const vm = useQuery({ ...vmContentQueryOptions(vmId ?? ''), enabled: !!vmId });
  const [round, setRound] = useState(0);
  const title = vmId ? `New direct LUN disk for ${vm.data?.name ?? 'a VM'}` : 'New direct LUN disk';

  return (
    <>
      <PageBreadcrumb>
        <Breadcrumb>
          {(vmId
            ? [
                <BreadcrumbItem key="vms" render={() => <Link to={paths.vms()}>Virtual Machines</Link>} />,
                <BreadcrumbItem key="vm" render={() => <Link to={paths.vm(vmId)}>{vm.data?.name ?? 'VM'}</Link>} />,
              ]
            : [<BreadcrumbItem key="disks" render={() => <Link to={paths.disks()}>Disks</Link>} />]
          ).concat(
            <BreadcrumbItem key="new" isActive>
              New disk
            </BreadcrumbItem>,
          )}
        </Breadcrumb>
      </PageBreadcrumb>
      <PageHeader
        title={title}
        description="Discover and log in to the LUN's target, pick the LUN, set the disk up, review and create."
      />
      <PageSection isFilled>
        {vmId && vm.isPending ? (
          <Loading what="the virtual machine" />
        ) : vmId && vm.isError ? (
          <LoadError what="the virtual machine" error={vm.error} onRetry={() => void vm.refetch()} />
        ) : (
          <AddDiskWizard key={`${vmId ?? 'floating'}-${round}`} vm={vm.data} origin={origin} onRestart={() => setRound((r) => r + 1)} />
        )}
      </PageSection>
    </>
  );
}
