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
import { t } from '../../i18n/i18n';

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
    ? t('vm.page.virtioScsiLoading')
    : content.isError
      ? t('vm.page.virtioScsiUnknown')
      : virtioScsiEnabled === undefined
      ? t('vm.page.virtioScsiNotReported')
      : virtioScsiEnabled
        ? t('vm.page.virtioScsiEnabled')
        : t('vm.page.virtioScsiDisabled');
  const hostName = useHostNames();
  const tab = params.get('tab') ?? 'overview';

  return (
    <>
      <PageBreadcrumb>
        <Breadcrumb aria-label={t('vm.page.breadcrumbLabel')}>
          <BreadcrumbItem render={() => <Link to={paths.vms()}>{t('vm.page.breadcrumbVms')}</Link>} />
          <BreadcrumbItem isActive>{vm.data ? <span translate="no">{vm.data.name}</span> : t('vm.page.breadcrumbVm')}</BreadcrumbItem>
        </Breadcrumb>
      </PageBreadcrumb>
      {vm.isPending ? (
        <Loading what={t('vm.page.loadWhat')} />
      ) : vm.isError ? (
        <PageSection>
          <LoadError what={t('vm.page.loadWhat')} error={vm.error} onRetry={() => void vm.refetch()} />
        </PageSection>
      ) : (
        <>
          <PageHeader
            title={vm.data.name}
            named
            description={vm.data.description ? <span translate="no">{vm.data.description}</span> : undefined}
            actions={<VmLifecycleActions vm={vm.data} />}
          />
          <VmOperations vmId={vm.data.id} />
          <PageSection>
            <DescriptionList isHorizontal isCompact columnModifier={{ default: '3Col' }} aria-label={t('vm.page.summaryLabel')}>
              <DescriptionListGroup>
                <DescriptionListTerm>{t('vm.page.status')}</DescriptionListTerm>
                <DescriptionListDescription>
                  <VmStatusLabel status={vm.data.status} />
                </DescriptionListDescription>
              </DescriptionListGroup>
              <DescriptionListGroup>
                <DescriptionListTerm>{t('vm.page.host')}</DescriptionListTerm>
                <DescriptionListDescription translate="no">{hostName(vm.data.hostId) ?? '—'}</DescriptionListDescription>
              </DescriptionListGroup>
              <DescriptionListGroup>
                <DescriptionListTerm>{t('vm.page.highlyAvailable')}</DescriptionListTerm>
                <DescriptionListDescription>
                  {vm.data.highAvailability.enabled ? t('vm.page.haYes', { priority: vm.data.highAvailability.priority }) : t('vm.page.haNo')}
                </DescriptionListDescription>
              </DescriptionListGroup>
              <DescriptionListGroup>
                <DescriptionListTerm>{t('vm.page.virtioScsi')}</DescriptionListTerm>
                <DescriptionListDescription>{virtioScsiText}</DescriptionListDescription>
              </DescriptionListGroup>
            </DescriptionList>
          </PageSection>
          <PageSection>
            <Tabs
              activeKey={tab}
              onSelect={(_e, k) => setParams({ tab: String(k) }, { replace: true })}
              aria-label={t('vm.page.tabsLabel')}
              mountOnEnter
            >
              <Tab eventKey="overview" title={<TabTitleText>{t('vm.page.tabOverview')}</TabTitleText>}>
                <p style={{ paddingTop: '1rem' }}>
                  {vm.data.status === 'down'
                    ? t('vm.page.overviewDown', { name: vm.data.name })
                    : hostName(vm.data.hostId)
                      ? t('vm.page.overviewOn', { name: vm.data.name, status: vm.data.status, host: hostName(vm.data.hostId) })
                      : t('vm.page.overviewOnAHost', { name: vm.data.name, status: vm.data.status })}
                </p>
              </Tab>
              <Tab eventKey="disks" title={<TabTitleText>{t('vm.page.tabDisks')}</TabTitleText>}>
                <VmDisksTab vm={{ ...vm.data, virtioScsiEnabled }} hostName={hostName(vm.data.hostId)} />
              </Tab>
              <Tab eventKey="events" title={<TabTitleText>{t('vm.page.tabEvents')}</TabTitleText>}>
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
