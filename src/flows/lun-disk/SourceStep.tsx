// Step "Source": the data center (floating disks), the host that discovers, logs in and lists the LUNs, and the
// storage type. Changing one of them keeps what still makes sense and says what it cleared.
import { Alert, AlertActionCloseButton, Form, FormGroup, FormSelect, FormSelectOption, Radio, Title } from '@patternfly/react-core';
import { useEffect, useState } from 'react';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { hostStatusText, vmStatusText } from '../../domain/format';
import { takesDisk } from '../../domain/vm-status';
import type { Host, LunStorageType } from '../../domain/model';
import { FieldMessages } from '../../ui/form-fields';
import { LoadError, Loading } from '../../ui/QueryStates';
import { useLunDisk } from './data';
import type { LunDiskFormValues } from './form';
import { t, type MessageId } from '../../i18n/i18n';
import { Rich } from '../../i18n/Rich';
import { alertLabel } from '../../i18n/patternfly';

const TYPE_TEXT: Record<LunStorageType, MessageId> = { iscsi: 'lunDisk.storageType.iscsi', fcp: 'lunDisk.storageType.fcp' };

/** The host to offer first: where the VM runs (it is the host that will plug the disk), else the first Up host. */
export function preferredHost(hosts: readonly Host[], vmHostId: string | undefined): Host | undefined {
  const up = hosts.filter((h) => h.status === 'up');
  return up.find((h) => h.id === vmHostId) ?? up[0];
}

export function SourceStep() {
  const { data } = useLunDisk();
  const { control, setValue, getValues } = useFormContext<LunDiskFormValues>();
  const [dataCenterId, storageType] = useWatch({ control, name: ['dataCenterId', 'storageType'] });
  const [notices, setNotices] = useState<string[]>([]);
  const forVm = !!data.vmId;
  const dcId = forVm ? data.vmDataCenterId : dataCenterId;
  const allHosts = data.hosts.data ?? [];
  const hostsOfDc = allHosts.filter((h) => data.dataCenterOfHost(h) === dcId);
  const vm = data.vm.data;

  // Defaults, once what they depend on has loaded: the VM's data center, or the first Up one; then a host.
  useEffect(() => {
    if (forVm) {
      if (data.vmDataCenterId && getValues('dataCenterId') !== data.vmDataCenterId) setValue('dataCenterId', data.vmDataCenterId);
      return;
    }
    const dcs = data.dataCenters.data;
    if (dcs && !dcs.some((d) => d.id === getValues('dataCenterId'))) {
      setValue('dataCenterId', (dcs.find((d) => d.status === 'up') ?? dcs[0])?.id ?? '');
    }
  }, [forVm, data.vmDataCenterId, data.dataCenters.data, getValues, setValue]);

  const hostIds = hostsOfDc.map((h) => h.id).join(',');
  useEffect(() => {
    if (!data.hosts.data || !dcId) return;
    const inDc = data.hosts.data.filter((h) => data.dataCenterOfHost(h) === dcId);
    if (inDc.some((h) => h.id === getValues('hostId'))) return;
    setValue('hostId', preferredHost(inDc, vm?.hostId)?.id ?? '');
  }, [dcId, hostIds, data, vm?.hostId, getValues, setValue]);

  const say = (text: string) => setNotices((n) => [...n.slice(-2), text]);

  const changeHost = (id: string) => {
    const before = getValues();
    if (id === before.hostId) return;
    setValue('hostId', id, { shouldDirty: true, shouldValidate: true });
    const name = allHosts.find((h) => h.id === id)?.name ?? id;
    const kept = [
      before.discovered.length > 0 ? t('lunDisk.source.keptTargets', { count: before.discovered.length }) : undefined,
      before.address ? t('lunDisk.source.keptAddress') : undefined,
      before.chapUsername ? t('lunDisk.source.keptChap') : undefined,
    ].filter(Boolean);
    say(
      [
        t('lunDisk.source.hostNow', { host: name }),
        kept.length > 0 ? t('lunDisk.source.hostKept', { kept: kept.join(', '), host: name }) : undefined,
        before.lunId ? t('lunDisk.source.hostLunStays', { host: name }) : undefined,
      ]
        .filter(Boolean)
        .join(' '),
    );
  };

  const changeType = (type: LunStorageType) => {
    const before = getValues();
    if (type === before.storageType) return;
    setValue('storageType', type, { shouldDirty: true });
    if (before.lunId) {
      setValue('lunId', '');
      setValue('approveStorageDomain', false);
    }
    say(
      [
        before.lunId
          ? t('lunDisk.source.typeNowCleared', { type: t(TYPE_TEXT[type]), oldType: t(TYPE_TEXT[before.storageType]), lun: before.lunId })
          : t('lunDisk.source.typeNow', { type: t(TYPE_TEXT[type]) }),
        type === 'fcp' && before.discovered.length > 0 ? t('lunDisk.source.typeKeptTargets') : undefined,
        type === 'fcp' ? t('lunDisk.source.typeNoTargets') : undefined,
      ]
        .filter(Boolean)
        .join(' '),
    );
  };

  const changeDataCenter = (id: string) => {
    const before = getValues();
    if (id === before.dataCenterId) return;
    setValue('dataCenterId', id, { shouldDirty: true, shouldValidate: true });
    const inDc = allHosts.filter((h) => data.dataCenterOfHost(h) === id);
    const dcName = data.dataCenters.data?.find((d) => d.id === id)?.name ?? id;
    if (!inDc.some((h) => h.id === before.hostId)) {
      const next = preferredHost(inDc, undefined);
      setValue('hostId', next?.id ?? '');
      const oldHost = allHosts.find((h) => h.id === before.hostId)?.name;
      say(
        [
          t('lunDisk.source.dcNow', { dc: dcName }),
          oldHost
            ? next
              ? t('lunDisk.source.dcHostNow', { oldHost, host: next.name })
              : t('lunDisk.source.dcNoHost', { oldHost })
            : undefined,
          before.lunId ? t('lunDisk.source.dcLunStays') : undefined,
        ]
          .filter(Boolean)
          .join(' '),
      );
    }
  };

  if (data.hosts.isPending || (!forVm && data.dataCenters.isPending) || (forVm && data.vm.isPending)) return <Loading what={t('lunDisk.source.loadingDcsHosts')} />;
  if (data.hosts.isError) return <LoadError what={t('lunDisk.source.loadingHosts')} error={data.hosts.error} onRetry={() => void data.hosts.refetch()} />;
  if (!forVm && data.dataCenters.isError) {
    return <LoadError what={t('lunDisk.source.loadingDcs')} error={data.dataCenters.error} onRetry={() => void data.dataCenters.refetch()} />;
  }
  if (forVm && data.vm.isError) return <LoadError what={t('lunDisk.page.loadingVm')} error={data.vm.error} onRetry={() => void data.vm.refetch()} />;

  const upHosts = hostsOfDc.filter((h) => h.status === 'up');
  const dcName = data.dataCenters.data?.find((d) => d.id === dcId)?.name ?? dcId ?? '';

  return (
    <Form onSubmit={(e) => e.preventDefault()} aria-labelledby="source-step-title">
      <Title headingLevel="h2" id="source-step-title">
        {t('lunDisk.source.title')}
      </Title>
      {vm ? (
        <p>
          {vm.hostId ? (
            <Rich
              id="lunDisk.source.forVmOnHost"
              values={{ vm: vm.name, status: vmStatusText(vm.status), host: data.hostName(vm.hostId), dc: dcName }}
              tags={[(c) => <strong>{c}</strong>, (c) => <strong>{c}</strong>]}
            />
          ) : (
            <Rich
              id="lunDisk.source.forVm"
              values={{ vm: vm.name, status: vmStatusText(vm.status), dc: dcName }}
              tags={[(c) => <strong>{c}</strong>, (c) => <strong>{c}</strong>]}
            />
          )}
        </p>
      ) : null}
      {vm && !takesDisk(vm.status) ? (
        <Alert variant="warning" variantLabel={alertLabel('warning')} isInline title={t('lunDisk.source.vmCannotTake', { vm: vm.name })} component="h3">
          {t('lunDisk.source.vmCannotTakeBody', { vm: vm.name, status: vmStatusText(vm.status) })}
        </Alert>
      ) : null}
      {notices.map((text, i) => (
        <Alert
          key={`${i}-${text}`}
          variant="info"
          variantLabel={alertLabel('info')}
          isInline
          isPlain
          title={text}
          component="p"
          aria-live="polite"
          actionClose={
            <AlertActionCloseButton title={text} aria-label={t('lunDisk.source.dismissNotice')} onClose={() => setNotices((n) => n.filter((x) => x !== text))} />
          }
        />
      ))}
      {!forVm ? (
        <Controller
          control={control}
          name="dataCenterId"
          render={({ field, fieldState }) => (
            <FormGroup label={t('lunDisk.source.dc')} fieldId="lun-dc" isRequired>
              <FormSelect
                id="lun-dc"
                value={field.value}
                onChange={(_e, v) => changeDataCenter(v)}
                onBlur={field.onBlur}
                aria-describedby="lun-dc-message"
                validated={fieldState.error ? 'error' : 'default'}
              >
                {(data.dataCenters.data ?? []).map((d) => (
                  <FormSelectOption key={d.id} value={d.id} label={d.status === 'up' ? d.name : t('lunDisk.source.dcNotUp', { dc: d.name, status: d.status })} isDisabled={d.status !== 'up'} />
                ))}
              </FormSelect>
              <FieldMessages id="lun-dc-message" error={fieldState.error?.message} helper={t('lunDisk.source.dcHelper')} />
            </FormGroup>
          )}
        />
      ) : null}
      <Controller
        control={control}
        name="hostId"
        render={({ field, fieldState }) => (
          <FormGroup label={t('lunDisk.source.host')} fieldId="lun-host" isRequired>
            <FormSelect
              id="lun-host"
              value={field.value}
              onChange={(_e, v) => changeHost(v)}
              onBlur={field.onBlur}
              aria-describedby="lun-host-message"
              validated={fieldState.error ? 'error' : 'default'}
            >
              {upHosts.length === 0 ? <FormSelectOption value="" label={t('lunDisk.source.noUpHostOption')} isPlaceholder /> : null}
              {hostsOfDc.map((h) => (
                <FormSelectOption
                  key={h.id}
                  value={h.id}
                  label={
                    h.status !== 'up'
                      ? t('lunDisk.source.hostNotUp', { host: h.name, status: hostStatusText(h.status) })
                      : vm?.hostId === h.id
                        ? t('lunDisk.source.hostRunsVm', { host: h.name, vm: vm.name })
                        : h.name
                  }
                  isDisabled={h.status !== 'up'}
                />
              ))}
            </FormSelect>
            <FieldMessages
              id="lun-host-message"
              error={fieldState.error?.message ?? (upHosts.length === 0 ? t('lunDisk.source.noUpHost', { dc: dcName }) : undefined)}
              helper={t('lunDisk.source.hostHelper')}
            />
          </FormGroup>
        )}
      />
      <FormGroup label={t('lunDisk.source.storageType')} role="radiogroup" fieldId="lun-type" isInline isStack={false}>
        <Radio
          id="lun-type-iscsi"
          name="lun-type"
          label={t('lunDisk.storageType.iscsi')}
          isChecked={storageType === 'iscsi'}
          onChange={() => changeType('iscsi')}
          description={t('lunDisk.source.iscsiDescription')}
        />
        <Radio
          id="lun-type-fcp"
          name="lun-type"
          label={t('lunDisk.storageType.fcp')}
          isChecked={storageType === 'fcp'}
          onChange={() => changeType('fcp')}
          description={t('lunDisk.source.fcpDescription')}
        />
      </FormGroup>
    </Form>
  );
}
