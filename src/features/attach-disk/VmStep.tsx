// Step "Virtual machine": every VM with its status and host, searchable; a VM that cannot take a disk (not Up,
// Paused or Down) is listed, its choice disabled, with the reason in words next to it.
import { HelperText, HelperTextItem, Radio, SearchInput, Title, Toolbar, ToolbarContent, ToolbarItem } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useState } from 'react';
import type { Disk, Vm } from '../../domain/model';
import { Empty, LoadError, Loading } from '../../ui/QueryStates';
import { VmStatusLabel } from '../../ui/StatusLabel';
import { useHostNames } from '../../ui/use-host-names';
import { vmBlocker, type AttachData } from './use-attach-data';
import { formatNumber, t } from '../../i18n/i18n';

const subtle = { color: 'var(--pf-t--global--text--color--subtle)' } as const;

export function VmStep({
  data,
  selectedId,
  onSelect,
  error,
  preselected,
}: {
  data: AttachData;
  selectedId: string;
  onSelect: (vm: Vm) => void;
  error: string | undefined;
  /** The disks the user came with (Disks → a disk → Attach to VM). */
  preselected: readonly Disk[];
}) {
  const hostName = useHostNames();
  const [search, setSearch] = useState('');
  const { usage } = data;
  if (usage.isPending) return <Loading what={t('attach.vmStep.loadWhat')} />;
  if (usage.isError) return <LoadError what={t('attach.vmStep.loadWhat')} error={usage.error} onRetry={() => void usage.refetch()} />;
  const words = search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const shown = usage.data.filter(({ vm }) =>
    words.every((w) => [vm.name, vm.description, vm.status, hostName(vm.hostId) ?? ''].some((x) => x.toLowerCase().includes(w))),
  );

  return (
    <section aria-labelledby="vm-step-title">
      <Title headingLevel="h2" id="vm-step-title">
        {t('attach.vmStep.title')}
      </Title>
      <p style={{ margin: '0.5rem 0 1rem' }}>
        {preselected.length > 0
          ? t('attach.vmStep.introDisks', { disks: preselected.map((d) => d.alias).join(', ') })
          : t('attach.vmStep.intro')}
      </p>
      <Toolbar inset={{ default: 'insetNone' }}>
        <ToolbarContent>
          <ToolbarItem style={{ minWidth: '20rem' }}>
            <SearchInput
              aria-label={t('attach.vmStep.searchLabel')}
              placeholder={t('attach.vmStep.searchPlaceholder')}
              resetButtonLabel={t('attach.vmStep.searchReset')}
              value={search}
              onChange={(_e, v) => setSearch(v)}
              onClear={() => setSearch('')}
            />
          </ToolbarItem>
        </ToolbarContent>
      </Toolbar>
      {error ? (
        <HelperText style={{ marginBottom: '0.5rem' }}>
          <HelperTextItem variant="error" id="vm-step-error" screenReaderText={t('pf.helper.error')}>
            <span role="alert">{error}</span>
          </HelperTextItem>
        </HelperText>
      ) : null}
      {shown.length === 0 ? (
        <Empty title={search.trim() ? t('attach.vmStep.noMatchTitle', { search: search.trim() }) : t('attach.vmStep.emptyTitle')}>
          {search.trim() ? t('attach.vmStep.noMatchBody') : t('attach.vmStep.emptyBody')}
        </Empty>
      ) : (
        <Table aria-label={t('attach.vmStep.tableLabel')} variant="compact">
          <Thead>
            <Tr>
              <Th screenReaderText={t('attach.vmStep.colChoose')} />
              <Th modifier="wrap">{t('attach.vmStep.colName')}</Th>
              <Th modifier="wrap">{t('attach.vmStep.colStatus')}</Th>
              <Th modifier="wrap">{t('attach.vmStep.colHost')}</Th>
              <Th modifier="wrap">{t('attach.vmStep.colDisks')}</Th>
              <Th modifier="wrap">{t('attach.vmStep.colCanTake')}</Th>
            </Tr>
          </Thead>
          <Tbody>
            {shown.map(({ vm, attachments }) => {
              const blocker = vmBlocker(vm, preselected, data.usersByDisk);
              const reasonId = `vm-reason-${vm.id}`;
              const gray = blocker ? subtle : undefined;
              return (
                <Tr key={vm.id} isRowSelected={vm.id === selectedId} data-vm={vm.name}>
                  <Td className="pf-v6-c-table__check">
                    <Radio
                      id={`attach-vm-${vm.id}`}
                      name="attach-vm"
                      isChecked={vm.id === selectedId}
                      isDisabled={!!blocker}
                      onChange={() => onSelect(vm)}
                      aria-describedby={[blocker ? reasonId : undefined, error ? 'vm-step-error' : undefined].filter(Boolean).join(' ') || undefined}
                    />
                  </Td>
                  <Td dataLabel={t('attach.vmStep.colName')} style={gray} translate="no">
                    <label htmlFor={`attach-vm-${vm.id}`}>{vm.name}</label>
                    {vm.description ? <div style={subtle}>{vm.description}</div> : null}
                  </Td>
                  <Td dataLabel={t('attach.vmStep.colStatus')} style={gray}>
                    <VmStatusLabel status={vm.status} />
                  </Td>
                  <Td dataLabel={t('attach.vmStep.colHost')} style={gray} translate="no">{hostName(vm.hostId) ?? '—'}</Td>
                  <Td dataLabel={t('attach.vmStep.colDisks')} style={gray}>{formatNumber(attachments.length)}</Td>
                  <Td dataLabel={t('attach.vmStep.colCanTake')} id={reasonId} style={gray}>
                    {blocker ?? (vm.status === 'down' ? t('attach.vmStep.yesNextRun') : t('attach.vmStep.yesHotPlug'))}
                  </Td>
                </Tr>
              );
            })}
          </Tbody>
        </Table>
      )}
    </section>
  );
}
