// The engine's events as a table, newest first as the engine returns them: a VM's events, a disk's history.
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import type { EngineEvent, EventSeverity } from '../domain/model';
import { formatDateTime, t, type MessageId } from '../i18n/i18n';

const SEVERITY: Record<EventSeverity, MessageId> = {
  normal: 'common.events.severity.normal',
  warning: 'common.events.severity.warning',
  error: 'common.events.severity.error',
  alert: 'common.events.severity.alert',
};

export function EventTable({ label, events }: { label: string; events: readonly EngineEvent[] }) {
  return (
    <Table aria-label={label} variant="compact">
      <Thead>
        <Tr>
          <Th>{t('common.events.time')}</Th>
          <Th>{t('common.events.severity')}</Th>
          <Th>{t('common.events.event')}</Th>
        </Tr>
      </Thead>
      <Tbody>
        {events.map((e) => (
          <Tr key={e.id}>
            <Td dataLabel={t('common.events.time')} modifier="nowrap">
              <time dateTime={new Date(e.time).toISOString()}>{formatDateTime(e.time)}</time>
            </Td>
            <Td dataLabel={t('common.events.severity')}>{t(SEVERITY[e.severity])}</Td>
            <Td dataLabel={t('common.events.event')} translate="no">
              {e.description}
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}
