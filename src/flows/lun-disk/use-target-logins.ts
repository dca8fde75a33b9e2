// Logging the chosen host in to iSCSI targets: one target, or all of them one by one. Each result goes into the
// form (`logins`, per host) so its row shows it and a draft keeps it; the targets being logged in to are "busy";
// every result is announced for screen readers. After logins the host's device list is stale: an iSCSI login
// makes the host see the target's LUNs (GET /hosts/{id}/storage), so it is refreshed ("rescan").
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useFormContext } from 'react-hook-form';
import { invalidateAfter } from '../../engine-api/changes';
import { iscsiLogin } from '../../engine-api/host-storage';
import type { LunDiskFormValues, TargetLoginResult } from './form';
import { chapPair, loginAllSummary, loginErrorPlacement, loginFailureText, type TargetRowModel } from './targets-model';
import { t } from '../../i18n/i18n';

export interface TargetLogins {
  /** The targets a login is running for. */
  busy: ReadonlySet<string>;
  loginAllRunning: boolean;
  /** The last result, in words, for an aria-live region. */
  announcement: string;
  /** Log in to one target, then rescan. */
  login: (t: TargetRowModel) => Promise<void>;
  /** Log in to each of these targets in turn, then rescan once. */
  loginAll: (todo: readonly TargetRowModel[]) => Promise<void>;
}

export function useTargetLogins(hostId: string, host: { name: string; initiator: string | undefined }): TargetLogins {
  const { getValues, setValue, setError } = useFormContext<LunDiskFormValues>();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [loginAllRunning, setLoginAllRunning] = useState(false);
  const [announcement, setAnnouncement] = useState('');

  /** Tries the target's portals in turn until one logs in; records the result on the target's row. */
  const loginOne = async (target: TargetRowModel): Promise<boolean> => {
    const chap = chapPair(getValues());
    let failure: unknown;
    let ok = false;
    for (const p of target.portals) {
      try {
        await iscsiLogin(hostId, { address: p.address, port: p.port, tpgt: p.tpgt, target: target.iqn, ...chap });
        ok = true;
        break;
      } catch (e) {
        failure = e;
      }
    }
    const message = ok ? undefined : loginFailureText(failure, host.name, host.initiator, !!chap.username);
    const result: TargetLoginResult = { hostId, iqn: target.iqn, ok, message, chapUsername: ok ? chap.username : undefined };
    setValue('logins', [...getValues('logins').filter((l) => !(l.hostId === hostId && l.iqn === target.iqn)), result], { shouldDirty: true });
    const placed = ok ? undefined : loginErrorPlacement(failure, target.iqn, !!chap.username);
    if (placed) setError(placed.field, { type: 'engine', message: placed.message });
    setAnnouncement(ok ? t('lunDisk.logins.loggedIn', { iqn: target.iqn }) : t('lunDisk.logins.failed', { iqn: target.iqn, message: message ?? '' }));
    return ok;
  };

  const withBusy = async (iqn: string, f: () => Promise<boolean>) => {
    setBusy((b) => new Set([...b, iqn]));
    try {
      return await f();
    } finally {
      setBusy((b) => new Set([...b].filter((x) => x !== iqn)));
    }
  };

  const rescan = () => invalidateAfter(queryClient, { kind: 'iscsi-login', hostId });

  const login = async (t: TargetRowModel) => {
    await withBusy(t.iqn, () => loginOne(t));
    await rescan();
  };

  /** One by one, so each result is shown as it comes; then one rescan of the host's LUNs. */
  const loginAll = async (todo: readonly TargetRowModel[]) => {
    setLoginAllRunning(true);
    let okCount = 0;
    try {
      for (const t of todo) if (await withBusy(t.iqn, () => loginOne(t))) okCount++;
    } finally {
      setLoginAllRunning(false);
    }
    setAnnouncement(loginAllSummary(okCount, todo.length));
    await rescan();
  };

  return { busy, loginAllRunning, announcement, login, loginAll };
}
