// The engine's name and version as the console shows them, from GET /ovirt-engine/api (read once per session).
import { useQuery } from '@tanstack/react-query';
import { formatEngineVersion } from '../../domain/engine-version';
import { apiRootQueryOptions, type EngineProduct } from '../../engine-api/api-root';

/** "oVirt Engine 4.5.7"; "oVirt Engine (version unknown)" when the engine did not say or could not be read. */
export function productLine(p: EngineProduct | undefined): string {
  const name = p?.name ?? 'oVirt Engine';
  return p?.version ? `${name} ${formatEngineVersion(p.version)}` : `${name} (version unknown)`;
}

export function useEngineProduct() {
  return useQuery(apiRootQueryOptions());
}
