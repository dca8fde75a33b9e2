// Step "Review": everything chosen, what will happen in plain words, and the equivalent REST request (secrets
// masked) with a copy button. The hosting wizard adds its approval and Create button below.
import { Alert, DescriptionList, DescriptionListDescription, DescriptionListGroup, DescriptionListTerm, Title } from '@patternfly/react-core';
import { useFormContext, useWatch } from 'react-hook-form';
import { vmStatusText } from '../../domain/format';
import { engineDefaultAlias } from '../../domain/disk-naming';
import { interfaceLabel } from '../../domain/disk-options';
import { planSentences, type PlanInput } from '../../domain/lun-disk-plan';
import { useLunDisk, type LunDiskData } from './data';
import type { LunDiskFormValues } from './form';
import type { LunRow } from './lun-rows';
import { createPlan, priorLoginRequests, type CreatePlan } from './requests';
import { RestPreview } from '../../ui/RestPreview';

export function planInputOf(data: LunDiskData, v: LunDiskFormValues, row: LunRow, plan: CreatePlan): PlanInput {
  const vm = data.vmId ? data.vm.data : undefined;
  const dcName = data.dataCenters.data?.find((d) => d.id === (data.vmDataCenterId ?? v.dataCenterId))?.name ?? 'the data center';
  const e = plan.effective;
  return {
    alias: v.alias.trim(),
    engineAlias: vm ? engineDefaultAlias(vm.name, data.vmAttachments.data?.length ?? 0) : undefined,
    lun: { id: row.id, type: row.type, sizeText: row.sizeText, target: row.target || undefined, portal: row.portal || undefined },
    hostName: data.hostName(v.hostId),
    hostChecks: !!plan.disk.lun.hostId,
    storageDomainName: row.availability.use.kind === 'storage-domain' ? (row.availability.use.storageDomainName ?? row.availability.use.storageDomainId) : undefined,
    vm: vm
      ? {
          name: vm.name,
          status: vm.status,
          hostName: vm.hostId ? data.hostName(vm.hostId) : undefined,
          dataCenterName: dcName,
          interfaceLabel: interfaceLabel(e.interface),
          activate: e.activate,
          bootable: e.bootable,
        }
      : undefined,
    sharable: e.sharable,
    readOnly: e.readOnly,
    passthrough: e.passthrough ? (e.privilegedIo ? 'unfiltered' : 'filtered') : 'off',
  };
}

function yes(b: boolean) {
  return b ? 'Yes' : 'No';
}

export function ReviewSummary() {
  const { data } = useLunDisk();
  const { control, getValues } = useFormContext<LunDiskFormValues>();
  useWatch({ control }); // re-renders on every change; getValues reads the values whole (useWatch's are a DeepPartial)
  const v = getValues();
  const row = v.lunId ? data.rowById.get(v.lunId) : undefined;
  if (!row) {
    return (
      <Alert variant="warning" isInline title="No LUN picked" component="h3">
        Go back to the LUN step and pick the LUN to create the disk from.
      </Alert>
    );
  }
  const plan = createPlan(data, v, row);
  const e = plan.effective;
  const vm = data.vmId ? data.vm.data : undefined;
  const sentences = planSentences(planInputOf(data, v, row, plan));
  const items: Array<[string, string]> = [
    ...(vm ? ([['Virtual machine', `${vm.name} (${vmStatusText(vm.status)}${vm.hostId ? ` on ${data.hostName(vm.hostId)}` : ''})`]] as Array<[string, string]>) : []),
    ['Host used', data.hostName(v.hostId)],
    ['Storage type', row.type === 'iscsi' ? 'iSCSI' : 'Fibre Channel'],
    ['LUN', `${row.id} · ${row.sizeText} · paths ${row.pathsText}`],
    ...(row.vendor || row.product || row.serial ? ([['Vendor, product, serial', [row.vendor, row.product, row.serial].filter(Boolean).join(' · ')]] as Array<[string, string]>) : []),
    ...(row.target ? ([['Target', `${row.target}${row.portal ? ` at ${row.portal}` : ''}`]] as Array<[string, string]>) : []),
    ['LUN state', row.availability.text],
    ['Alias', v.alias.trim() || `(empty: the engine names it ${planInputOf(data, v, row, plan).engineAlias ?? ''})`],
    ['Description', v.description || '—'],
    ...(vm
      ? ([
          ['Interface', interfaceLabel(e.interface)],
          ['Activate', yes(e.activate)],
          ['Bootable', yes(e.bootable)],
          ['Read-only', yes(e.readOnly)],
          ['Enable discard', yes(e.passDiscard)],
          ['Use SCSI reservation', yes(e.scsiReservation)],
        ] as Array<[string, string]>)
      : []),
    ['Sharable', yes(e.sharable)],
    ['SCSI pass-through', e.passthrough ? (e.privilegedIo ? 'Yes, with privileged SCSI I/O' : 'Yes') : 'No'],
    ['Propagate errors', yes(e.propagateErrors)],
  ];
  return (
    <section aria-labelledby="review-title">
      <Title headingLevel="h2" id="review-title">
        Review
      </Title>
      <DescriptionList isHorizontal isCompact aria-label="What you chose" style={{ marginTop: '1rem' }}>
        {items.map(([term, desc]) => (
          <DescriptionListGroup key={term}>
            <DescriptionListTerm>{term}</DescriptionListTerm>
            <DescriptionListDescription>{desc}</DescriptionListDescription>
          </DescriptionListGroup>
        ))}
      </DescriptionList>
      <Title headingLevel="h3" id="plan-title" style={{ margin: '1rem 0 0.5rem' }}>
        What will happen
      </Title>
      <ol aria-labelledby="plan-title" data-testid="plan" style={{ paddingLeft: '1.5rem', listStyle: 'decimal' }}>
        {sentences.map((s) => (
          <li key={s} style={{ marginBottom: '0.25rem' }}>
            {s}
          </li>
        ))}
      </ol>
      {plan.chap.passwordMissing ? (
        <Alert variant="info" isInline title="The request carries no CHAP password" component="h3" style={{ marginTop: '1rem' }}>
          The target uses CHAP, but its password is not in this form (it is never saved with a draft).{' '}
          {plan.disk.lun.hostId
            ? `The engine takes the credentials of ${data.hostName(v.hostId)}'s session instead, because the request names that host. To send them explicitly, retype the CHAP password in the Targets step.`
            : 'The request names no host either (it has no active path to the LUN), so retype the CHAP password in the Targets step: without it no host can log in to the target.'}
        </Alert>
      ) : null}
      <RestPreview
        specs={[plan.spec]}
        prelude={priorLoginRequests(v, row)}
        names={{
          // data.hostName falls back to the id; a module wants a real name or a placeholder (request-as-code.ts).
          host: (id) => (data.hostName(id) !== id ? data.hostName(id) : undefined),
          vm: (id) => (id === data.vmId ? data.vm.data?.name : undefined),
        }}
      />
    </section>
  );
}
