import { useQuery } from '@tanstack/react-query';
import { hostsQueryOptions } from '../engine-api/hosts';

/** Host id → name, for anything that shows a host by reference (steps, VMs, sessions). */
export function useHostNames(): (id: string | undefined) => string | undefined {
  const hosts = useQuery(hostsQueryOptions());
  return (id) => (id ? (hosts.data?.find((h) => h.id === id)?.name ?? undefined) : undefined);
}
