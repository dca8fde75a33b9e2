// /attach-disk: attach disks to a VM. From a VM's Disks tab (?vm=<id>: the VM is chosen) or from a disk's page or
// the Disks list (?disk=<id>: that disk is picked). After success or Cancel the user goes back to where they came
// from (the entry point passes it as router state).
// The wizards' words, with this page's chunk (i18n/catalog-disk-wizards.ts).
import '../../i18n/catalog-disk-wizards';
import { Breadcrumb, BreadcrumbItem, PageBreadcrumb, PageSection } from '@patternfly/react-core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { diskQueryOptions } from '../../engine-api/disks';
import { vmContentQueryOptions } from '../../engine-api/vms';
import { fromState } from '../../ui/navigation';
import { PageHeader } from '../../ui/PageSection';
import { LoadError, Loading } from '../../ui/QueryStates';
import { AttachDiskWizard } from './AttachDiskWizard';
import { paths } from '../../ui/paths';
import { t } from '../../i18n/i18n';

export function AttachDiskPage() {
  const [params] = useSearchParams();
  const vmId = params.get('vm') ?? undefined;
  const diskId = params.get('disk') ?? undefined;
  const location = useLocation();
  const origin = fromState(location.state) ?? (vmId ? paths.vm(vmId, { tab: 'disks' }) : diskId ? paths.disk(diskId) : paths.vms());
  const vm = useQuery({ ...vmContentQueryOptions(vmId ?? ''), enabled: !!vmId });
  const disk = useQuery({ ...diskQueryOptions(diskId ?? ''), enabled: !!diskId });
  const [round, setRound] = useState(0);
  const title = vm.data ? t('attach.page.titleVm', { vm: vm.data.name }) : disk.data ? t('attach.page.titleDisk', { disk: disk.data.alias }) : t('attach.page.title');

  const crumbs = vmId
    ? [
        <BreadcrumbItem key="vms" render={() => <Link to={paths.vms()}>{t('attach.page.crumbVms')}</Link>} />,
        <BreadcrumbItem key="vm" render={() => <Link to={paths.vm(vmId, { tab: 'disks' })}>{vm.data ? <span translate="no">{vm.data.name}</span> : t('attach.page.crumbVm')}</Link>} />,
      ]
    : diskId
      ? [
          <BreadcrumbItem key="disks" render={() => <Link to={paths.disks()}>{t('attach.page.crumbDisks')}</Link>} />,
          <BreadcrumbItem key="disk" render={() => <Link to={paths.disk(diskId)}>{disk.data ? <span translate="no">{disk.data.alias}</span> : t('attach.page.crumbDisk')}</Link>} />,
        ]
      : [<BreadcrumbItem key="vms" render={() => <Link to={paths.vms()}>{t('attach.page.crumbVms')}</Link>} />];

  let body;
  if ((vmId && vm.isPending) || (diskId && disk.isPending)) body = <Loading what={vmId && vm.isPending ? t('attach.page.loadVm') : t('attach.page.loadDisk')} />;
  else if (vmId && vm.isError) body = <LoadError what={t('attach.page.loadVm')} error={vm.error} onRetry={() => void vm.refetch()} />;
  else if (diskId && disk.isError) body = <LoadError what={t('attach.page.loadDisk')} error={disk.error} onRetry={() => void disk.refetch()} />;
  else body = <AttachDiskWizard key={`${vmId ?? '-'}-${diskId ?? '-'}-${round}`} vm={vm.data} disk={disk.data} origin={origin} onRestart={() => setRound((r) => r + 1)} />;

  return (
    <>
      <PageBreadcrumb>
        <Breadcrumb aria-label={t('attach.page.breadcrumbLabel')}>
          {crumbs.concat(
            <BreadcrumbItem key="attach" isActive>
              {t('attach.page.crumbAttach')}
            </BreadcrumbItem>,
          )}
        </Breadcrumb>
      </PageBreadcrumb>
      <PageHeader
        title={title}
        description={t('attach.page.description')}
      />
      <PageSection isFilled>{body}</PageSection>
    </>
  );
}
