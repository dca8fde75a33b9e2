// GET /ovirt-engine/api: the engine's name and version (upstream-engine R/BackendApiResource.java get() →
// addSystemVersion: product_info {name, vendor, instance_id, version {major, minor, build, revision, full_version}};
// api-model types/Api.java, ProductInfo.java, Version.java — the Integers arrive as JSON strings). Read once per
// session: an engine does not change version under a running console.
import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import type { EngineVersion } from '../domain/engine-version';
import { engineRequest } from './transport';

export interface EngineProduct {
  /** "oVirt Engine" (the branding's obrand.backend.product); undefined when the engine did not say. */
  name: string | undefined;
  /** Undefined when the engine sent no product_info (no ProductRPMVersion configured) or one the console cannot read. */
  version: EngineVersion | undefined;
  /** "4.5.7-1.el9": the engine's package version, for people. */
  fullVersion: string | undefined;
}

// zod/mini, not zod classic: the root is read before the login page shows (the boot probe), and classic zod's
// method chains bring ~5 KB gzipped the login page's budget cannot carry (decision 045). The same scalars as wire.ts.
const wireInt = z.pipe(
  z.union([z.number().check(z.int()), z.string().check(z.regex(/^-?\d+$/, 'expected an integer string'))]),
  z.transform((v: number | string) => Number(v)),
);
const wireOptString = z.pipe(
  z.optional(z.string()),
  z.transform((v: string | undefined) => (v === undefined || v === '' ? undefined : v)),
);

const versionWire = z.pipe(
  z.object({
    major: wireInt,
    minor: wireInt,
    build: z.optional(wireInt),
    revision: z.optional(wireInt),
    full_version: wireOptString,
  }),
  z.transform((w) => ({
    version: { major: w.major, minor: w.minor, build: w.build ?? 0, revision: w.revision ?? 0 } satisfies EngineVersion,
    fullVersion: w.full_version,
  })),
);

export const apiRootWire = z.pipe(
  z.object({
    product_info: z.catch(
      z.optional(
        z.object({
          name: wireOptString,
          // An odd version (a field missing, a non-number) reads as "unknown", not as a failure of the whole root.
          version: z.catch(z.optional(versionWire), undefined),
        }),
      ),
      undefined,
    ),
  }),
  z.transform(
    (w): EngineProduct => ({
      name: w.product_info?.name,
      version: w.product_info?.version?.version,
      fullVersion: w.product_info?.version?.fullVersion,
    }),
  ),
);

export async function getApiRoot(signal?: AbortSignal): Promise<EngineProduct> {
  // The root is "" below /ovirt-engine/api/v4.
  return engineRequest({ path: '', schema: apiRootWire, signal });
}

export const apiRootKeys = { all: ['api-root'] as const };

/** Once per session (staleTime Infinity; the query cache is cleared at logout). */
export const apiRootQueryOptions = () =>
  queryOptions({ queryKey: apiRootKeys.all, queryFn: ({ signal }) => getApiRoot(signal), staleTime: Infinity, gcTime: Infinity });
