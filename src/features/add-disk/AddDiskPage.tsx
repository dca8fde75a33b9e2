// Disks → New disk (/disks/new): a floating direct-LUN disk; a VM → New disk (/disks/new?vm=<id>): a disk
// created, attached to that VM and, when Activate is on, plugged. After success or cancel the user goes back
// to where they came from (the entry point passes it as router state).
// The wizards' words, with this page's chunk (i18n/catalog-disk-wizards.ts).
import '../../i18n/catalog-disk-wizards';
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
import { t } from '../../i18n/i18n';

export function AddDiskPage() {
  const [params] = useSearchParams();
  const vmId = params.get('vm') ?? undefined;
  const location = useLocation();
  const origin = fromState(location.state) ?? (vmId ? paths.vm(vmId, { tab: 'disks' }) : paths.disks());
  const vm = useQuery({ ...vmContentQueryOptions(vmId ?? ''), enabled: !!vmId });
  const [round, setRound] = useState(0);
  const title = vmId
    ? vm.data
      ? t('lunDisk.page.titleForVm', { vm: vm.data.name })
      : t('lunDisk.page.titleForSomeVm')
    : t('lunDisk.page.title');

  return (
    <>
      <PageBreadcrumb>
        <Breadcrumb aria-label={t('lunDisk.page.breadcrumb')}>
          {(vmId
            ? [
                <BreadcrumbItem key="vms" render={() => <Link to={paths.vms()}>{t('lunDisk.page.crumbVms')}</Link>} />,
                <BreadcrumbItem key="vm" render={() => vm.data ? <Link to={paths.vm(vmId)} translate="no">{vm.data.name}</Link> : <Link to={paths.vm(vmId)}>{t('lunDisk.page.crumbVm')}</Link>} />,
              ]
            : [<BreadcrumbItem key="disks" render={() => <Link to={paths.disks()}>{t('lunDisk.page.crumbDisks')}</Link>} />]
          ).concat(
            <BreadcrumbItem key="new" isActive>
              {t('lunDisk.page.crumbNew')}
            </BreadcrumbItem>,
          )}
        </Breadcrumb>
      </PageBreadcrumb>
      <PageHeader
        title={title}
        description={t('lunDisk.page.description')}
      />
      <PageSection isFilled>
        {vmId && vm.isPending ? (
          <Loading what={t('lunDisk.page.loadingVm')} />
        ) : vmId && vm.isError ? (
          <LoadError what={t('lunDisk.page.loadingVm')} error={vm.error} onRetry={() => void vm.refetch()} />
        ) : (
          <AddDiskWizard key={`${vmId ?? 'floating'}-${round}`} vm={vm.data} origin={origin} onRestart={() => setRound((r) => r + 1)} />
        )}
      </PageSection>
    </>
  );
}
