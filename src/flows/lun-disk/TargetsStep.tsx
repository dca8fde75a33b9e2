// Step "Targets" (iSCSI): discover the targets behind a portal from the chosen host, and log in to them. Errors
// land where they belong (webadmin-direct-lun.md §2.3 shows one catch-all text for all of them; we do not):
// an authentication failure on the CHAP password, an unreachable portal on the address, a login failure on that
// target's row. Enter in any discovery field discovers.
import { Alert, Button, Form, Grid, GridItem, HelperText, HelperTextItem, Title } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type KeyboardEvent } from 'react';
import { useFormContext, useWatch, type FieldPath } from 'react-hook-form';
import { isEngineError, type EngineError } from '../../engine-api/errors';
import { discoverIscsi, hostStorageKeys, iscsiLogin, type IscsiPortal } from '../../engine-api/host-storage';
import type { DiscoveredTarget, HostLun } from '../../domain/model';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { TextField } from '../../ui/form-fields';
import { StatusIcon } from '../../ui/JobProgress';
import { useLunDisk } from './data';
import { discoverSchema, normalisePortalAddress, portNumber, type DiscoveredTargetEntry, type LunDiskFormValues, type TargetLoginResult } from './form';
import { portalText } from './lun-rows';

export type TargetState =
  | { kind: 'busy' }
  | { kind: 'logged-in'; luns: number | undefined }
  | { kind: 'failed'; message: string }
  | { kind: 'not-logged-in' };

export interface TargetRowModel {
  iqn: string;
  portals: Array<{ address: string; port: number }>;
  state: TargetState;
  discovered: boolean;
}

/** iSCSI targets the host lists LUNs of: it is logged in to them (GET /hosts/{id}/storage has one entry per LUN). */
export function targetsSeenByHost(luns: readonly HostLun[] | undefined): Map<string, { luns: number; portal: { address: string; port: number } | undefined }> {
  const m = new Map<string, { luns: number; portal: { address: string; port: number } | undefined }>();
  for (const l of luns ?? []) {
    if (l.type !== 'iscsi' || !l.lu.target) continue;
    const cur = m.get(l.lu.target);
    if (cur) cur.luns++;
    else m.set(l.lu.target, { luns: 1, portal: l.lu.address ? { address: l.lu.address, port: l.lu.port ?? 3260 } : undefined });
  }
  return m;
}

/** Discovery answers one entry per portal × target: merge them into the list, one row per target. */
export function mergeDiscovered(list: readonly DiscoveredTargetEntry[], found: readonly DiscoveredTarget[]): { list: DiscoveredTargetEntry[]; added: number } {
  const out = list.map((t) => ({ iqn: t.iqn, portals: [...t.portals] }));
  let added = 0;
  for (const f of found) {
    let t = out.find((x) => x.iqn === f.target);
    if (!t) {
      t = { iqn: f.target, portals: [] };
      out.push(t);
      added++;
    }
    if (!t.portals.some((p) => p.address === f.address && p.port === f.port)) t.portals.push({ address: f.address, port: f.port });
  }
  return { list: out, added };
}

/** The short name of a target for messages: the part after the colon ("array-a.apps"). */
export function shortIqn(iqn: string): string {
  const i = iqn.lastIndexOf(':');
  return i >= 0 && i < iqn.length - 1 ? iqn.slice(i + 1) : iqn;
}

function loginFailureText(e: unknown, hostName: string, initiator: string | undefined, chapGiven: boolean): string {
  if (!isEngineError(e)) return String(e);
  const said = `The engine says: “${e.userMessage}”.`;
  if (e.key === 'ISCSI_LOGIN_AUTH_ERROR') {
    return chapGiven
      ? `${said} The target rejected the CHAP credentials: check the CHAP username and password, then log in again.`
      : `${said} The target requires CHAP: enter its CHAP username and password above, then log in again.`;
  }
  if (e.key === 'ISCSI_LOGIN_ERROR') {
    return `${said} ${hostName} could not log in to this target: check that ${hostName} reaches the portal and that the array lets its initiator${
      initiator ? ` ${initiator}` : ''
    } in.`;
  }
  return e.userMessage;
}

export function TargetsStep() {
  const { data, restoredDraft } = useLunDisk();
  const { control, getValues, setValue, setError, clearErrors } = useFormContext<LunDiskFormValues>();
  const [hostId, discovered, logins, chapUsername, chapPassword] = useWatch({
    control,
    name: ['hostId', 'discovered', 'logins', 'chapUsername', 'chapPassword'],
  });
  const queryClient = useQueryClient();
  const hostName = data.host?.name ?? 'the host';
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [loginAllRunning, setLoginAllRunning] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [discoverOutcome, setDiscoverOutcome] = useState<string | undefined>();
  const [stepError, setStepError] = useState<unknown>(undefined);

  const discover = useMutation({ mutationFn: (p: IscsiPortal) => discoverIscsi(hostId, p) });
  const seen = useMemo(() => targetsSeenByHost(data.hostStorage.data), [data.hostStorage.data]);

  const rows = useMemo((): TargetRowModel[] => {
    const mine = new Map(logins.filter((l) => l.hostId === hostId).map((l) => [l.iqn, l]));
    const stateOf = (iqn: string): TargetState => {
      if (busy.has(iqn)) return { kind: 'busy' };
      const s = seen.get(iqn);
      const r = mine.get(iqn);
      if (s || r?.ok) return { kind: 'logged-in', luns: s?.luns };
      if (r && !r.ok) return { kind: 'failed', message: r.message ?? 'The login failed.' };
      return { kind: 'not-logged-in' };
    };
    const out: TargetRowModel[] = discovered.map((t) => ({ iqn: t.iqn, portals: t.portals, state: stateOf(t.iqn), discovered: true }));
    // Targets the host is already logged in to (storage domains, running VMs, earlier logins) need no discovery.
    for (const [iqn, s] of seen) {
      if (!discovered.some((t) => t.iqn === iqn)) out.push({ iqn, portals: s.portal ? [s.portal] : [], state: stateOf(iqn), discovered: false });
    }
    return out;
  }, [discovered, logins, hostId, busy, seen]);

  const notLoggedIn = rows.filter((r) => r.discovered && (r.state.kind === 'not-logged-in' || r.state.kind === 'failed'));

  const chapPair = (): { username?: string; password?: string } => {
    const v = getValues();
    return v.chapUsername.trim() && v.chapPassword ? { username: v.chapUsername.trim(), password: v.chapPassword } : {};
  };

  const runDiscover = async () => {
    setStepError(undefined);
    setDiscoverOutcome(undefined);
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
    const label = portalText(address, port);
    const chap = chapPair();
    try {
      const found = await discover.mutateAsync({ address, port, ...chap });
      const merged = mergeDiscovered(getValues('discovered'), found);
      setValue('discovered', merged.list, { shouldDirty: true });
      const iqns = new Set(found.map((f) => f.target));
      setDiscoverOutcome(
        found.length === 0
          ? `${label} answered but offers no target to ${hostName}. Check that the array maps its targets to ${hostName}'s initiator${data.host?.iscsiInitiator ? ` ${data.host.iscsiInitiator}` : ''}.`
          : `Found ${iqns.size} ${iqns.size === 1 ? 'target' : 'targets'} at ${label}${merged.added < iqns.size ? ` (${merged.added} new)` : ''}.`,
      );
    } catch (e) {
      if (!isEngineError(e)) {
        setStepError(e);
        return;
      }
      placeDiscoveryError(e, label, !!chap.username);
    }
  };

  const placeDiscoveryError = (e: EngineError, label: string, chapGiven: boolean) => {
    const said = `The engine says: “${e.userMessage}”.`;
    if (e.key === 'ISCSI_LOGIN_AUTH_ERROR') {
      if (chapGiven) {
        setError('chapPassword', { type: 'engine', message: `${label} rejected these CHAP credentials. ${said} Check the CHAP username and password.` }, { shouldFocus: true });
      } else {
        setError('chapUsername', { type: 'engine', message: `${label} requires CHAP for discovery. ${said} Enter the CHAP username and password.` }, { shouldFocus: true });
      }
      return;
    }
    if (e.key === 'ISCSI_DISCOVERY_ERROR' || (e.kind === 'fault' && e.status === 400 && /discovery/i.test(e.userMessage))) {
      // The real engine gives no cause, only "Failed discovery of iSCSI targets" (reference §3.2): list the likely ones.
      setError(
        'address',
        {
          type: 'engine',
          message: `${hostName} could not discover targets at ${label}. ${said} Possible causes: ${hostName} cannot reach this address (network, firewall or routing); the address or port is wrong; no iSCSI service listens there${
            chapGiven ? '; the CHAP credentials are wrong' : '; the portal requires CHAP for discovery'
          }.`,
        },
        { shouldFocus: true },
      );
      return;
    }
    setStepError(e);
  };

  const loginOne = async (t: TargetRowModel): Promise<boolean> => {
    const chap = chapPair();
    let failure: unknown;
    let ok = false;
    for (const p of t.portals) {
      try {
        await iscsiLogin(hostId, { address: p.address, port: p.port, target: t.iqn, ...chap });
        ok = true;
        break;
      } catch (e) {
        failure = e;
      }
    }
    const message = ok ? undefined : loginFailureText(failure, hostName, data.host?.iscsiInitiator, !!chap.username);
    const result: TargetLoginResult = { hostId, iqn: t.iqn, ok, message, chapUsername: ok ? chap.username : undefined };
    setValue('logins', [...getValues('logins').filter((l) => !(l.hostId === hostId && l.iqn === t.iqn)), result], { shouldDirty: true });
    if (!ok && isEngineError(failure) && failure.key === 'ISCSI_LOGIN_AUTH_ERROR') {
      setError(chap.username ? 'chapPassword' : 'chapUsername', {
        type: 'engine',
        message: chap.username
          ? `${shortIqn(t.iqn)} rejected these CHAP credentials: check the username and password, then log in again.`
          : `${shortIqn(t.iqn)} requires CHAP: enter its username and password, then log in again.`,
      });
    }
    setAnnouncement(ok ? `Logged in to ${t.iqn}.` : `Login to ${t.iqn} failed. ${message ?? ''}`);
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

  const refreshLuns = () => queryClient.invalidateQueries({ queryKey: hostStorageKeys.all(hostId) });

  const login = async (t: TargetRowModel) => {
    await withBusy(t.iqn, () => loginOne(t));
    await refreshLuns();
  };

  /** One by one, so each result is shown as it comes; then one rescan of the host's LUNs. */
  const loginAll = async () => {
    setLoginAllRunning(true);
    let okCount = 0;
    const todo = notLoggedIn;
    try {
      for (const t of todo) if (await withBusy(t.iqn, () => loginOne(t))) okCount++;
    } finally {
      setLoginAllRunning(false);
    }
    setAnnouncement(`Logged in to ${okCount} of ${todo.length} ${todo.length === 1 ? 'target' : 'targets'}${okCount < todo.length ? '; see the failed rows for why' : ''}.`);
    await refreshLuns();
  };

  // An engine error on a field is about what was sent: it goes as soon as the user changes the value (not on
  // blur, which would move the buttons under the pointer between press and release).
  const clearChapErrors = () => clearErrors(['chapUsername', 'chapPassword']);

  const onEnter = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      // Enter discovers here, never "Next" (webadmin's handleEnterKey does the same).
      e.preventDefault();
      e.stopPropagation();
      if (!discover.isPending) void runDiscover();
    }
  };

  const loginAllReason =
    rows.filter((r) => r.discovered).length === 0
      ? 'Discover a portal first.'
      : notLoggedIn.length === 0
        ? `${hostName} is logged in to every discovered target.`
        : undefined;
  const retypeHint =
    restoredDraft && chapUsername && !chapPassword
      ? 'Retype the CHAP password: passwords are never saved with a draft.'
      : 'Needed only when the portal or target uses CHAP. Never saved with the draft.';

  return (
    <Form onSubmit={(e) => e.preventDefault()} aria-labelledby="targets-step-title">
      <Title headingLevel="h2" id="targets-step-title">
        iSCSI targets of {hostName}
      </Title>
      <p>
        Discover the targets behind an iSCSI portal from {hostName}, then log in to the ones that hold your LUN. Targets {hostName} is already
        logged in to are listed below and need no discovery.
      </p>
      {restoredDraft && chapUsername && !chapPassword ? (
        <Alert variant="info" isInline title="Retype the CHAP password" component="h3">
          Your draft was restored without the CHAP password: passwords are never saved. Retype it before you discover or log in again.
        </Alert>
      ) : null}
      <Grid hasGutter>
        <GridItem md={8}>
          <TextField
            control={control}
            name="address"
            id="iscsi-address"
            label="Address"
            isRequired
            placeholder="10.35.1.72, fd00:35:2::90 or storage.example.com"
            helper="Host name, IPv4 or IPv6 address of the iSCSI portal."
            onKeyDown={onEnter}
            onValueChange={() => clearErrors('address')}
          />
        </GridItem>
        <GridItem md={4}>
          <TextField
            control={control}
            name="port"
            id="iscsi-port"
            label="Port"
            inputMode="numeric"
            helper="1–65535; iSCSI uses 3260."
            onKeyDown={onEnter}
            onValueChange={() => clearErrors('port')}
          />
        </GridItem>
        <GridItem md={6}>
          <TextField
            control={control}
            name="chapUsername"
            id="chap-username"
            label="CHAP username"
            autoComplete="off"
            helper="Optional: both the username and the password, or neither."
            onKeyDown={onEnter}
            onValueChange={clearChapErrors}
          />
        </GridItem>
        <GridItem md={6}>
          <TextField
            control={control}
            name="chapPassword"
            id="chap-password"
            label="CHAP password"
            type="password"
            autoComplete="new-password"
            helper={retypeHint}
            onKeyDown={onEnter}
            onValueChange={clearChapErrors}
          />
        </GridItem>
      </Grid>
      <div style={{ display: 'flex', gap: '1rem', alignItems: 'center', flexWrap: 'wrap' }}>
        <Button variant="secondary" onClick={() => void runDiscover()} isLoading={discover.isPending} isDisabled={discover.isPending || !hostId}>
          {discover.isPending ? `Discovering from ${hostName}…` : 'Discover'}
        </Button>
        <span role="status" aria-live="polite">
          {!hostId ? 'Pick a host in the Source step first: discovery runs from a host.' : discoverOutcome}
        </span>
      </div>
      {stepError ? <ErrorAlert title={`Discovery from ${hostName} failed`} error={stepError} headingLevel="h3" /> : null}

      <Title headingLevel="h3" id="targets-title" style={{ marginTop: '1rem' }}>
        Targets
      </Title>
      {rows.length === 0 ? (
        <p>No target yet: discover a portal above. {hostName} is not logged in to any iSCSI target.</p>
      ) : (
        <>
          <div style={{ display: 'flex', gap: '1rem', alignItems: 'center' }}>
            <Button
              variant="secondary"
              onClick={() => void loginAll()}
              isLoading={loginAllRunning}
              isDisabled={!!loginAllReason || loginAllRunning}
              aria-describedby={loginAllReason ? 'login-all-reason' : undefined}
            >
              Log in to all{notLoggedIn.length > 0 ? ` (${notLoggedIn.length})` : ''}
            </Button>
            {loginAllReason ? (
              <HelperText>
                <HelperTextItem id="login-all-reason">{loginAllReason}</HelperTextItem>
              </HelperText>
            ) : null}
          </div>
          <Table aria-labelledby="targets-title" variant="compact" gridBreakPoint="">
            <Thead>
              <Tr>
                <Th>Target</Th>
                <Th>Portals</Th>
                <Th>Login state on {hostName}</Th>
                <Th screenReaderText="Actions" />
              </Tr>
            </Thead>
            <Tbody>
              {rows.map((r) => (
                <Tr key={r.iqn} data-target={r.iqn}>
                  <Td dataLabel="Target" style={{ wordBreak: 'break-all' }}>
                    {r.iqn}
                  </Td>
                  <Td dataLabel="Portals">{r.portals.map((p) => portalText(p.address, p.port)).join(', ') || '—'}</Td>
                  <Td dataLabel="Login state">
                    <TargetStateText state={r.state} id={`target-state-${r.iqn}`} />
                  </Td>
                  <Td dataLabel="Actions" isActionCell>
                    {r.discovered && r.state.kind !== 'logged-in' ? (
                      <Button
                        variant="link"
                        isInline
                        onClick={() => void login(r)}
                        isDisabled={r.state.kind === 'busy' || loginAllRunning}
                        aria-label={loginAllRunning && r.state.kind !== 'busy' ? `Queued for Log in to all: ${r.iqn}` : `Log in to ${r.iqn}`}
                        aria-describedby={`target-state-${r.iqn}`}
                      >
                        {loginAllRunning && r.state.kind !== 'busy' ? 'Queued for Log in to all' : r.state.kind === 'failed' ? 'Try again' : 'Log in'}
                      </Button>
                    ) : null}
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        </>
      )}
      <p className="pf-v6-screen-reader" role="status" aria-live="polite">
        {announcement}
      </p>
    </Form>
  );
}

function TargetStateText({ state, id }: { state: TargetState; id: string }) {
  switch (state.kind) {
    case 'busy':
      return (
        <span id={id} style={{ display: 'inline-flex', gap: '0.5rem' }}>
          <StatusIcon status="started" /> Logging in…
        </span>
      );
    case 'logged-in':
      return (
        <span id={id} style={{ display: 'inline-flex', gap: '0.5rem' }}>
          <StatusIcon status="finished" /> Logged in{state.luns !== undefined ? ` (${state.luns} ${state.luns === 1 ? 'LUN' : 'LUNs'})` : ''}
        </span>
      );
    case 'failed':
      return (
        <span id={id} style={{ display: 'inline-flex', gap: '0.5rem', color: 'var(--pf-t--global--text--color--status--danger--default)' }}>
          <StatusIcon status="failed" /> <span>Login failed. {state.message}</span>
        </span>
      );
    default:
      return <span id={id}>Not logged in</span>;
  }
}
