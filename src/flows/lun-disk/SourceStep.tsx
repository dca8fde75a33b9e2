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

const TYPE_TEXT: Record<LunStorageType, string> = { iscsi: 'iSCSI', fcp: 'Fibre Channel' };

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
      before.discovered.length > 0 ? `the ${before.discovered.length} discovered ${before.discovered.length === 1 ? 'target' : 'targets'}` : undefined,
      before.address ? 'the portal address' : undefined,
      before.chapUsername ? 'the CHAP credentials' : undefined,
    ].filter(Boolean);
    say(
      `The host is now ${name}.${kept.length > 0 ? ` Kept ${kept.join(', ')}; the login states shown are ${name}'s own.` : ''}${
        before.lunId ? ` The LUN you picked stays picked only if ${name} sees it.` : ''
      }`,
    );
  };

  const changeType = (t: LunStorageType) => {
    const before = getValues();
    if (t === before.storageType) return;
    setValue('storageType', t, { shouldDirty: true });
    const cleared: string[] = [];
    if (before.lunId) {
      setValue('lunId', '');
      setValue('approveStorageDomain', false);
      cleared.push(`cleared the ${TYPE_TEXT[before.storageType]} LUN you had picked (${before.lunId})`);
    }
    const keptTargets = t === 'fcp' && before.discovered.length > 0 ? ' The iSCSI targets you discovered are kept in case you switch back.' : '';
    const noTargets = t === 'fcp' ? ' Fibre Channel needs no discovery or login, so there is no Targets step.' : '';
    say(`The storage type is now ${TYPE_TEXT[t]}${cleared.length > 0 ? `: ${cleared.join(', ')}` : ''}.${keptTargets}${noTargets}`);
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
        `The data center is now ${dcName}. ${oldHost ? `${oldHost} is in another data center, so the host is now ${next?.name ?? 'not chosen (no Up host here)'}.` : ''}${
          before.lunId ? ' The LUN you picked stays picked only if that host sees it.' : ''
        }`,
      );
    }
  };

  if (data.hosts.isPending || (!forVm && data.dataCenters.isPending) || (forVm && data.vm.isPending)) return <Loading what="data centers and hosts" />;
  if (data.hosts.isError) return <LoadError what="hosts" error={data.hosts.error} onRetry={() => void data.hosts.refetch()} />;
  if (!forVm && data.dataCenters.isError) {
    return <LoadError what="data centers" error={data.dataCenters.error} onRetry={() => void data.dataCenters.refetch()} />;
  }
  if (forVm && data.vm.isError) return <LoadError what="the virtual machine" error={data.vm.error} onRetry={() => void data.vm.refetch()} />;

  const upHosts = hostsOfDc.filter((h) => h.status === 'up');
  const dcName = data.dataCenters.data?.find((d) => d.id === dcId)?.name ?? dcId ?? '';

  return (
    <Form onSubmit={(e) => e.preventDefault()} aria-labelledby="source-step-title">
      <Title headingLevel="h2" id="source-step-title">
        Where the LUN comes from
      </Title>
      {vm ? (
        <p>
          The disk is created for VM <strong>{vm.name}</strong> ({vmStatusText(vm.status)}
          {vm.hostId ? ` on ${data.hostName(vm.hostId)}` : ''}), in data center <strong>{dcName}</strong>.
        </p>
      ) : null}
      {vm && !takesDisk(vm.status) ? (
        <Alert variant="warning" isInline title={`${vm.name} cannot take a new disk right now`} component="h3">
          {vm.name} is {vmStatusText(vm.status)}; the engine adds disks only to VMs that are Up, Paused or Down. You can prepare the disk, but
          Create is refused until {vm.name} is in one of those states.
        </Alert>
      ) : null}
      {notices.map((t, i) => (
        <Alert
          key={`${i}-${t}`}
          variant="info"
          isInline
          isPlain
          title={t}
          component="p"
          aria-live="polite"
          actionClose={<AlertActionCloseButton title={t} aria-label="Dismiss this notice" onClose={() => setNotices((n) => n.filter((x) => x !== t))} />}
        />
      ))}
      {!forVm ? (
        <Controller
          control={control}
          name="dataCenterId"
          render={({ field, fieldState }) => (
            <FormGroup label="Data center" fieldId="lun-dc" isRequired>
              <FormSelect
                id="lun-dc"
                value={field.value}
                onChange={(_e, v) => changeDataCenter(v)}
                onBlur={field.onBlur}
                aria-describedby="lun-dc-message"
                validated={fieldState.error ? 'error' : 'default'}
              >
                {(data.dataCenters.data ?? []).map((d) => (
                  <FormSelectOption key={d.id} value={d.id} label={d.status === 'up' ? d.name : `${d.name} (${d.status}, not Up)`} isDisabled={d.status !== 'up'} />
                ))}
              </FormSelect>
              <FieldMessages id="lun-dc-message" error={fieldState.error?.message} helper="A floating disk belongs to a data center; its hosts can use the LUN." />
            </FormGroup>
          )}
        />
      ) : null}
      <Controller
        control={control}
        name="hostId"
        render={({ field, fieldState }) => (
          <FormGroup label="Host to use" fieldId="lun-host" isRequired>
            <FormSelect
              id="lun-host"
              value={field.value}
              onChange={(_e, v) => changeHost(v)}
              onBlur={field.onBlur}
              aria-describedby="lun-host-message"
              validated={fieldState.error ? 'error' : 'default'}
            >
              {upHosts.length === 0 ? <FormSelectOption value="" label="No Up host in this data center" isPlaceholder /> : null}
              {hostsOfDc.map((h) => (
                <FormSelectOption
                  key={h.id}
                  value={h.id}
                  label={h.status === 'up' ? `${h.name}${vm?.hostId === h.id ? ` (runs ${vm.name})` : ''}` : `${h.name} (${hostStatusText(h.status)}, not Up)`}
                  isDisabled={h.status !== 'up'}
                />
              ))}
            </FormSelect>
            <FieldMessages
              id="lun-host-message"
              error={fieldState.error?.message ?? (upHosts.length === 0 ? `No host of ${dcName} is Up: LUNs are listed by a host, so one must be Up.` : undefined)}
              helper={`This host discovers the targets, logs in and lists the LUNs it sees; the engine checks the LUN from it when it creates the disk. Only Up hosts can be used.`}
            />
          </FormGroup>
        )}
      />
      <FormGroup label="Storage type" role="radiogroup" fieldId="lun-type" isInline isStack={false}>
        <Radio
          id="lun-type-iscsi"
          name="lun-type"
          label="iSCSI"
          isChecked={storageType === 'iscsi'}
          onChange={() => changeType('iscsi')}
          description="Discover targets on a portal and log in to them."
        />
        <Radio
          id="lun-type-fcp"
          name="lun-type"
          label="Fibre Channel"
          isChecked={storageType === 'fcp'}
          onChange={() => changeType('fcp')}
          description="LUNs zoned to the host; no discovery or login."
        />
      </FormGroup>
    </Form>
  );
}
