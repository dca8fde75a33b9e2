// The engine's events as a table, newest first as the engine returns them: a VM's events, a disk's history.
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import type { EngineEvent } from '../domain/model';

export function EventTable({ label, events }: { label: string; events: readonly EngineEvent[] }) {
  return (
    <Table aria-label={label} variant="compact">
      <Thead>
        <Tr>
          <Th>Time</Th>
          <Th>Severity</Th>
          <Th>Event</Th>
        </Tr>
      </Thead>
      <Tbody>
        {events.map((e) => (
          <Tr key={e.id}>
            <Td dataLabel="Time" modifier="nowrap">
              <time dateTime={new Date(e.time).toISOString()}>{new Date(e.time).toLocaleString()}</time>
            </Td>
            <Td dataLabel="Severity">{e.severity.charAt(0).toUpperCase() + e.severity.slice(1)}</Td>
            <Td dataLabel="Event">{e.description}</Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}
