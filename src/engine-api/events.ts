import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import type { EngineEvent } from '../domain/model';
import { engineRequest } from './transport';
import { wireCollection, wireInt, wireOptString, wireRef, wireTime } from './wire';

export const eventWire = z
  .object({
    id: z.string(),
    code: wireInt,
    description: z.string().optional(),
    severity: z.enum(['normal', 'warning', 'error', 'alert']).catch('normal'),
    time: wireTime,
    correlation_id: wireOptString,
    vm: wireRef.optional(),
    host: wireRef.optional(),
    storage_domain: wireRef.optional(),
  })
  .transform(
    (w): EngineEvent => ({
      id: w.id,
      code: w.code,
      description: w.description ?? '',
      severity: w.severity,
      time: w.time,
      correlationId: w.correlation_id,
      vmId: w.vm?.id,
      hostId: w.host?.id,
      storageDomainId: w.storage_domain?.id,
    }),
  );

export const eventListWire = wireCollection('event', eventWire);

export const eventKeys = {
  all: ['events'] as const,
  list: (search?: string) => [...eventKeys.all, 'list', { search }] as const,
};

/** Newest first, as the engine returns them. */
export function listEvents(search?: string, max?: number, signal?: AbortSignal): Promise<EngineEvent[]> {
  return engineRequest({ path: '/events', query: { search, max }, schema: eventListWire, signal });
}

/** The VM page's events: the newest `max` naming the VM (AuditLogConditionFieldAutoCompleter: event_vm). */
export const VM_EVENTS_MAX = 100;
export const vmEventsQueryOptions = (vmName: string) => eventsQueryOptions(`event_vm=${vmName}`, VM_EVENTS_MAX);

export const eventsQueryOptions = (search?: string, max = 200) =>
  queryOptions({ queryKey: eventKeys.list(search), queryFn: ({ signal }) => listEvents(search, max, signal) });
