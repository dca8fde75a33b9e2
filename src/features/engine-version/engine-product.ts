// The engine's name and version as the console shows them, from GET /ovirt-engine/api (read once per session).
import { useQuery } from '@tanstack/react-query';
import { formatEngineVersion } from '../../domain/engine-version';
import { apiRootQueryOptions, type EngineProduct } from '../../engine-api/api-root';
import { t } from '../../i18n/i18n';

/** "oVirt Engine 4.5.7"; "oVirt Engine (version unknown)" when the engine did not say or could not be read. */
export function productLine(p: EngineProduct | undefined): string {
  const name = p?.name ?? t('app.engine.defaultName');
  return p?.version ? t('app.engine.productLine', { name, version: formatEngineVersion(p.version) }) : t('app.engine.versionUnknown', { name });
}

export function useEngineProduct() {
  return useQuery(apiRootQueryOptions());
}
