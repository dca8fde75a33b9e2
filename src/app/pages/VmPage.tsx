// Virtual Machines → a VM. The page is composed here from the features that act on a VM (its disks, its
// lifecycle), so features stay independent of each other.
import {
  Breadcrumb, BreadcrumbItem, DescriptionList, DescriptionListDescription, DescriptionListGroup, DescriptionListTerm,
  PageBreadcrumb, PageSection, Tab, Tabs, TabTitleText,
} from '@patternfly/react-core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { vmContentQueryOptions, vmQueryOptions } from '../../engine-api/vms';
import { VmDisksTab } from '../../features/vm-disks/VmDisksTab';
import { VmEvents } from '../../features/vm-lifecycle/VmEvents';
import { VmJobs } from '../../features/vm-lifecycle/VmJobs';
import { VmLifecycleActions } from '../../features/vm-lifecycle/VmLifecycleActions';
import { VmOperations } from '../../features/vm-lifecycle/VmOperations';
import { PageHeader } from '../../ui/PageSection';
import { LoadError, Loading } from '../../ui/QueryStates';
import { VmStatusLabel } from '../../ui/StatusLabel';
import { useHostNames } from '../../ui/use-host-names';
import { paths } from '../../ui/paths';
import { useViewPollInterval } from '../../ui/polling';

export function VmPage() {
  const { vmId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const poll = useViewPollInterval();
  const vm = useQuery({ ...vmQueryOptions(vmId), refetchInterval: poll });
  // virtio_scsi comes only with all_content=true, which costs the engine extra queries (decision 044 §15 F-A): read
  // it once (again after a change to the VM), not on every poll of the VM's status.
  const content = useQuery(vmContentQueryOptions(vmId));
  const virtioScsiEnabled = content.data?.virtioScsiEnabled;
  const virtioScsiText = content.isPending
    ? 'Loading…'
    : content.isError
      ? 'Unknown: the engine did not answer'
      : virtioScsiEnabled === undefined
      ? 'Not reported by the engine'
      : virtioScsiEnabled
        ? 'Enabled'
        : 'Disabled';
  const hostName = useHostNames();
  const tab = params.get('tab') ?? 'overview';

  return (
    <>
      <PageBreadcrumb>
        <Breadcrumb>
          <BreadcrumbItem render={() => <Link to={paths.vms()}>Virtual Machines</Link>} />
          <BreadcrumbItem isActive>{vm.data?.name ?? 'VM'}</BreadcrumbItem>
        </Breadcrumb>
      </PageBreadcrumb>
      {vm.isPending ? (
        <Loading what="the virtual machine" />
      ) : vm.isError ? (
        <PageSection>
          <LoadError what="the virtual machine" error={vm.error} onRetry={() => void vm.refetch()} />
        </PageSection>
      ) : (
        <>
          <PageHeader
            title={vm.data.name}
            description={vm.data.description || undefined}
            actions={<VmLifecycleActions vm={vm.data} />}
          />
          <VmOperations vmId={vm.data.id} />
          <PageSection>
            <DescriptionList isHorizontal isCompact columnModifier={{ default: '3Col' }} aria-label="Virtual machine summary">
              <DescriptionListGroup>
                <DescriptionListTerm>Status</DescriptionListTerm>
                <DescriptionListDescription>
                  <VmStatusLabel status={vm.data.status} />
                </DescriptionListDescription>
              </DescriptionListGroup>
              <DescriptionListGroup>
                <DescriptionListTerm>Host</DescriptionListTerm>
                <DescriptionListDescription>{hostName(vm.data.hostId) ?? '—'}</DescriptionListDescription>
              </DescriptionListGroup>
              <DescriptionListGroup>
                <DescriptionListTerm>Highly available</DescriptionListTerm>
                <DescriptionListDescription>
                  {vm.data.highAvailability.enabled ? `Yes (priority ${vm.data.highAvailability.priority})` : 'No'}
                </DescriptionListDescription>
              </DescriptionListGroup>
              <DescriptionListGroup>
                <DescriptionListTerm>VirtIO-SCSI</DescriptionListTerm>
                <DescriptionListDescription>{virtioScsiText}</DescriptionListDescription>
              </DescriptionListGroup>
            </DescriptionList>
          </PageSection>
          <PageSection>
            <Tabs
              activeKey={tab}
              onSelect={(_e, k) => setParams({ tab: String(k) }, { replace: true })}
              aria-label="Virtual machine sections"
              mountOnEnter
            >
              <Tab eventKey="overview" title={<TabTitleText>Overview</TabTitleText>}>
                <p style={{ paddingTop: '1rem' }}>
                  {vm.data.name} is {vm.data.status === 'down' ? 'down' : `${vm.data.status} on ${hostName(vm.data.hostId) ?? 'a host'}`}.
                </p>
              </Tab>
              <Tab eventKey="disks" title={<TabTitleText>Disks</TabTitleText>}>
                <VmDisksTab vm={{ ...vm.data, virtioScsiEnabled }} hostName={hostName(vm.data.hostId)} />
              </Tab>
              <Tab eventKey="events" title={<TabTitleText>Events</TabTitleText>}>
                <div style={{ paddingTop: '1rem' }}>
                  <VmJobs vm={vm.data} />
                  <VmEvents vm={vm.data} />
                </div>
              </Tab>
            </Tabs>
          </PageSection>
        </>
      )}
    </>
  );
}
