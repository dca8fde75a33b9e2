// Step "Disk": attach existing disks (several at once: floating disks and sharable ones; a disk that cannot be
// attached stays listed, grayed, with the reason in words), or create a new direct LUN disk from a LUN — the Add
// Direct LUN disk steps run next, in place (docs/design.md §6: no "import" wording).
import {
  Checkbox, FormGroup, HelperText, HelperTextItem, Radio, SearchInput, Title, ToggleGroup, ToggleGroupItem, Toolbar, ToolbarContent, ToolbarItem,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useState, type ReactNode } from 'react';
import { diskTypeText, formatBytesExact, formatSize, yesNo } from '../../domain/format';
import { diskSize } from '../../domain/model';
import { Empty, LoadError, Loading } from '../../ui/QueryStates';
import type { AttachMode } from './form';
import type { AttachData } from './use-attach-data';
import { t, type MessageId } from '../../i18n/i18n';
import { Rich } from '../../i18n/Rich';

const strong = (c: ReactNode) => <strong>{c}</strong>;

const FILTERS = [
  { value: 'all', label: 'attach.diskStep.filterAll' },
  { value: 'lun', label: 'attach.diskStep.filterLun' },
  { value: 'image', label: 'attach.diskStep.filterImage' },
] as const satisfies ReadonlyArray<{ value: string; label: MessageId }>;
type Filter = (typeof FILTERS)[number]['value'];

const subtle = { color: 'var(--pf-t--global--text--color--subtle)' } as const;
const mono = { fontFamily: 'var(--pf-t--global--font--family--mono)' } as const;

export function DiskChoiceStep({
  data,
  mode,
  onMode,
  diskIds,
  onToggle,
  error,
}: {
  data: AttachData;
  mode: AttachMode;
  onMode: (m: AttachMode) => void;
  diskIds: readonly string[];
  onToggle: (diskId: string, picked: boolean) => void;
  error: string | undefined;
}) {
  const vm = { vm: data.vm?.name ?? '', vmNamed: data.vm ? 'yes' : 'no' };
  return (
    <section aria-labelledby="disk-choice-title">
      <Title headingLevel="h2" id="disk-choice-title">
        {t('attach.diskStep.title', vm)}
      </Title>
      <FormGroup role="radiogroup" fieldId="attach-mode" label={t('attach.diskStep.modeLabel')} isStack style={{ margin: '1rem 0' }}>
        <Radio
          id="attach-mode-existing"
          name="attach-mode"
          label={t('attach.diskStep.modeExisting')}
          description={t('attach.diskStep.modeExistingHelp')}
          isChecked={mode === 'existing'}
          onChange={() => onMode('existing')}
        />
        <Radio
          id="attach-mode-create"
          name="attach-mode"
          label={t('attach.diskStep.modeCreate')}
          description={t('attach.diskStep.modeCreateHelp', vm)}
          isChecked={mode === 'create'}
          onChange={() => onMode('create')}
        />
      </FormGroup>
      {mode === 'existing' ? (
        <ExistingDisks data={data} diskIds={diskIds} onToggle={onToggle} error={error} />
      ) : (
        <p>
          <Rich id="attach.diskStep.createNext" tags={[strong, strong, strong, strong, strong]} />
        </p>
      )}
    </section>
  );
}

function ExistingDisks({ data, diskIds, onToggle, error }: { data: AttachData; diskIds: readonly string[]; onToggle: (diskId: string, picked: boolean) => void; error: string | undefined }) {
  const [search, setSearch] = useState('');
  const [filter, setFilter] = useState<Filter>('all');
  if (data.disks.isPending || data.usage.isPending) return <Loading what={t('attach.diskStep.loadDisks')} />;
  if (data.disks.isError) return <LoadError what={t('attach.diskStep.loadDisks')} error={data.disks.error} onRetry={() => void data.disks.refetch()} />;
  if (data.usage.isError) return <LoadError what={t('attach.diskStep.loadUsers')} error={data.usage.error} onRetry={() => void data.usage.refetch()} />;
  const vm = { vm: data.vm?.name ?? '', vmNamed: data.vm ? 'yes' : 'no' };
  const words = search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const shown = data.rows.filter(
    (r) =>
      (filter === 'all' || r.disk.storageType === filter) &&
      words.every((w) =>
        [r.disk.alias, r.disk.description, r.disk.storageType === 'lun' ? r.disk.lun.id : '', r.users.map((u) => u.vmName).join(' ')].some((x) =>
          x.toLowerCase().includes(w),
        ),
      ),
  );
  const selectable = data.rows.filter((r) => r.attachability.selectable).length;
  const picked = diskIds.map((id) => data.diskById.get(id)?.alias ?? id);

  return (
    <>
      <Toolbar inset={{ default: 'insetNone' }}>
        <ToolbarContent>
          <ToolbarItem style={{ minWidth: '20rem' }}>
            <SearchInput
              aria-label={t('attach.diskStep.searchLabel')}
              placeholder={t('attach.diskStep.searchPlaceholder')}
              resetButtonLabel={t('attach.vmStep.searchReset')}
              value={search}
              onChange={(_e, v) => setSearch(v)}
              onClear={() => setSearch('')}
              aria-describedby="attach-disk-counts"
            />
          </ToolbarItem>
          <ToolbarItem>
            <span id="attach-disk-type-label" style={{ marginRight: '0.5rem' }}>
              {t('attach.diskStep.typeLabel')}
            </span>
            <ToggleGroup aria-labelledby="attach-disk-type-label">
              {FILTERS.map((f) => (
                <ToggleGroupItem key={f.value} text={t(f.label)} buttonId={`attach-disk-type-${f.value}`} isSelected={filter === f.value} onChange={() => setFilter(f.value)} />
              ))}
            </ToggleGroup>
          </ToolbarItem>
        </ToolbarContent>
      </Toolbar>
      <p id="attach-disk-counts" aria-live="polite" style={{ marginBottom: '0.5rem' }}>
        {t('attach.diskStep.counts', { count: data.rows.length, selectable, shown: shown.length, ...vm })}{' '}
        <strong data-testid="picked-disks">{picked.length === 0 ? t('attach.diskStep.noneYet') : t('attach.diskStep.picked', { disks: picked.join(', ') })}</strong>
      </p>
      {error ? (
        <HelperText style={{ marginBottom: '0.5rem' }}>
          {/* No screen-reader status text: PatternFly puts it after the children (": error;"), outside the alert, where
              it is read as a stray line after the message. The alert role already says it is urgent. */}
          <HelperTextItem variant="error" id="disk-step-error" screenReaderText="">
            <span role="alert">{error}</span>
          </HelperTextItem>
        </HelperText>
      ) : null}
      {shown.length === 0 ? (
        <Empty title={data.rows.length === 0 ? t('attach.diskStep.emptyTitle') : t('attach.diskStep.noMatchTitle')}>
          {data.rows.length === 0 ? t('attach.diskStep.emptyBody') : t('attach.diskStep.noMatchBody')}
        </Empty>
      ) : (
        <Table aria-label={t('attach.diskStep.tableLabel', vm)} variant="compact">
          <Thead>
            <Tr>
              <Th screenReaderText={t('attach.diskStep.colPick')} />
              <Th modifier="wrap">{t('attach.diskStep.colDisk')}</Th>
              <Th modifier="wrap">{t('attach.diskStep.colType')}</Th>
              <Th modifier="nowrap">{t('attach.diskStep.colSize')}</Th>
              <Th modifier="nowrap">{t('attach.diskStep.colSharable')}</Th>
              <Th modifier="wrap">{t('attach.diskStep.colAttachedTo')}</Th>
              <Th modifier="wrap">{t('attach.diskStep.colCanAttach')}</Th>
            </Tr>
          </Thead>
          <Tbody>
            {shown.map(({ disk, users, attachability: a }) => {
              const size = diskSize(disk);
              const reasonId = `disk-reason-${disk.id}`;
              const isPicked = diskIds.includes(disk.id);
              // Not selectable: grayed, the reason in the last cell (decision 001's gray-don't-hide, for disks).
              const gray = a.selectable ? undefined : subtle;
              return (
                <Tr key={disk.id} isRowSelected={isPicked} data-disk={disk.alias} data-state={a.selectable ? 'selectable' : 'unavailable'}>
                  <Td className="pf-v6-c-table__check">
                    <Checkbox
                      id={`attach-disk-${disk.id}`}
                      isChecked={isPicked && a.selectable}
                      isDisabled={!a.selectable}
                      onChange={(_e, c) => onToggle(disk.id, c)}
                      aria-describedby={reasonId}
                    />
                  </Td>
                  <Td dataLabel={t('attach.diskStep.colDisk')} style={gray}>
                    <label htmlFor={`attach-disk-${disk.id}`} translate="no">
                      {disk.alias}
                    </label>
                    {disk.description ? (
                      <div style={subtle} translate="no">
                        {disk.description}
                      </div>
                    ) : null}
                    {disk.storageType === 'lun' ? <div style={{ ...subtle, ...mono, fontSize: 'var(--pf-t--global--font--size--sm)', whiteSpace: 'nowrap' }}>{t('attach.diskStep.lunId', { id: disk.lun.id })}</div> : null}
                  </Td>
                  <Td dataLabel={t('attach.diskStep.colType')} style={gray}>{diskTypeText(disk)}</Td>
                  <Td dataLabel={t('attach.diskStep.colSize')} style={gray} modifier="nowrap">{size === undefined ? t('attach.diskStep.sizeUnknown') : <span title={formatBytesExact(size)}>{formatSize(size)}</span>}</Td>
                  <Td dataLabel={t('attach.diskStep.colSharable')} style={gray}>{yesNo(disk.sharable)}</Td>
                  <Td dataLabel={t('attach.diskStep.colAttachedTo')} style={gray} translate="no">{users.length === 0 ? '—' : users.map((u) => u.vmName).join(', ')}</Td>
                  <Td dataLabel={t('attach.diskStep.colCanAttach')} id={reasonId} style={gray}>
                    {a.selectable ? a.note : <span data-reason>{a.reason}</span>}
                  </Td>
                </Tr>
              );
            })}
          </Tbody>
        </Table>
      )}
    </>
  );
}
