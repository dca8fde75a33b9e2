// Discovering the targets behind a portal from the chosen host: check the fields, ask the engine, merge what it
// found into the form's list, and put a failure where it belongs — a failed discovery on the address, with every
// likely cause (CHAP among them: the engine cannot tell them apart), anything else on the step. The engine's version
// picks discoveriscsi or the older iscsidiscover (engine-api/host-storage.ts discoveryPlan).
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useFormContext, type FieldPath } from 'react-hook-form';
import { apiRootQueryOptions } from '../../engine-api/api-root';
import { discoverIscsi, type IscsiPortal } from '../../engine-api/host-storage';
import { discoverSchema, normalisePortalAddress, portNumber, type LunDiskFormValues } from './form';
import { portalText } from './lun-rows';
import { chapPair, discoveryErrorPlacement, discoveryOutcomeText, mergeDiscovered } from './targets-model';

export interface Discovery {
  /** Validate the discovery fields and discover; field errors go next to their fields, the first one focused. */
  run: () => Promise<void>;
  isPending: boolean;
  /** What the last discovery found, in words. */
  outcome: string | undefined;
  /** A failure that belongs to no field. */
  stepError: unknown;
}

export function useDiscovery(hostId: string, host: { name: string; initiator: string | undefined }): Discovery {
  const { getValues, setValue, setError, clearErrors } = useFormContext<LunDiskFormValues>();
  const [outcome, setOutcome] = useState<string | undefined>();
  const [stepError, setStepError] = useState<unknown>(undefined);
  // Read once after login (staleTime Infinity); while unknown or unreadable, discoverIscsi tries discoveriscsi first.
  const { data: product } = useQuery(apiRootQueryOptions());
  const engineVersion = product?.version;
  const discover = useMutation({ mutationFn: (p: IscsiPortal) => discoverIscsi(hostId, p, { engineVersion }) });

  const run = async () => {
    setStepError(undefined);
    setOutcome(undefined);
    const fields: Array<FieldPath<LunDiskFormValues>> = ['address', 'port', 'chapUsername', 'chapPassword'];
    clearErrors(fields);
    const v = getValues();
    const parsed = discoverSchema.safeParse(v);
    if (!parsed.success) {
      let first = true;
      for (const issue of parsed.error.issues) {
        const name = String(issue.path[0]) as FieldPath<LunDiskFormValues>;
        setError(name, { type: 'validate', message: issue.message }, { shouldFocus: first });
        first = false;
      }
      return;
    }
    const address = normalisePortalAddress(v.address);
    const port = portNumber(v.port);
    const portal = portalText(address, port);
    const chap = chapPair(v);
    try {
      const found = await discover.mutateAsync({ address, port, ...chap });
      const merged = mergeDiscovered(getValues('discovered'), found);
      setValue('discovered', merged.list, { shouldDirty: true });
      setOutcome(discoveryOutcomeText(found, merged.added, { portal, hostName: host.name, initiator: host.initiator }));
    } catch (e) {
      const placed = discoveryErrorPlacement(e, { portal, hostName: host.name, chapGiven: !!chap.username, initiator: host.initiator });
      if (placed) setError(placed.field, { type: 'engine', message: placed.message }, { shouldFocus: true });
      else setStepError(e);
    }
  };

  return { run, isPending: discover.isPending, outcome, stepError };
}
