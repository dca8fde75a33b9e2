import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import type { StorageDomain } from '../domain/model';
import { logicalUnitsWire } from './host-storage';
import { engineRequest } from './transport';
import { wireCollection, wireInt } from './wire';

export const storageDomainWire = z
  .object({
    id: z.string(),
    name: z.string(),
    type: z.string(),
    available: wireInt.optional(),
    used: wireInt.optional(),
    storage: z
      .object({
        type: z.string().optional(),
        // Filled only for admin (unfiltered) requests; iSCSI LUNs appear once per connection (§6.1).
        volume_group: z.object({ logical_units: logicalUnitsWire }).optional(),
      })
      .optional(),
  })
  .transform((w): StorageDomain => {
    const seen = new Set<string>();
    const luns = (w.storage?.volume_group?.logical_units ?? []).filter((lu) => !seen.has(lu.id) && seen.add(lu.id));
    return {
      id: w.id,
      name: w.name,
      type: w.type,
      storageType: w.storage?.type,
      luns,
      available: w.available,
      used: w.used,
    };
  });

export const storageDomainListWire = wireCollection('storage_domain', storageDomainWire);

export const storageDomainKeys = {
  all: ['storagedomains'] as const,
  list: () => [...storageDomainKeys.all, 'list'] as const,
};

export function listStorageDomains(signal?: AbortSignal): Promise<StorageDomain[]> {
  return engineRequest({ path: '/storagedomains', schema: storageDomainListWire, signal });
}

export const storageDomainsQueryOptions = () =>
  queryOptions({ queryKey: storageDomainKeys.list(), queryFn: ({ signal }) => listStorageDomains(signal) });
