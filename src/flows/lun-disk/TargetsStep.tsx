// Step "Targets" (iSCSI): discover the targets behind a portal from the chosen host, and log in to them. Errors
// land where they belong (webadmin-direct-lun.md §2.3 shows one catch-all text for all of them; we do not):
// an authentication failure on the CHAP password, an unreachable portal on the address, a login failure on that
// target's row. Enter in any discovery field discovers.
import { Alert, Button, Form, Grid, GridItem, HelperText, HelperTextItem, Title } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useMutation } from '@tanstack/react-query';
import { useMemo, useState, type KeyboardEvent } from 'react';
import { useFormContext, useWatch, type FieldPath } from 'react-hook-form';
import { discoverIscsi, type IscsiPortal } from '../../engine-api/host-storage';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { TextField } from '../../ui/form-fields';
import { StatusIcon } from '../../ui/JobProgress';
import { useLunDisk } from './data';
import { discoverSchema, normalisePortalAddress, portNumber, type LunDiskFormValues } from './form';
import { portalText } from './lun-rows';
import {
  buildTargetRows,
  chapPair,
  discoveryErrorPlacement,
  discoveryOutcomeText,
  loginAllReason as loginAllBlockedReason,
  mergeDiscovered,
  targetsSeenByHost,
  targetsToLogIn,
  type TargetState,
} from './targets-model';
import { useTargetLogins } from './use-target-logins';

export function TargetsStep() {
  const { data, restoredDraft } = useLunDisk();
  const { control, getValues, setValue, setError, clearErrors } = useFormContext<LunDiskFormValues>();
  const [hostId, discovered, logins, chapUsername, chapPassword] = useWatch({
    control,
    name: ['hostId', 'discovered', 'logins', 'chapUsername', 'chapPassword'],
  });
  const hostName = data.host?.name ?? 'the host';
  const { busy, loginAllRunning, announcement, login, loginAll } = useTargetLogins(hostId, { name: hostName, initiator: data.host?.iscsiInitiator });
  const [discoverOutcome, setDiscoverOutcome] = useState<string | undefined>();
  const [stepError, setStepError] = useState<unknown>(undefined);

  const discover = useMutation({ mutationFn: (p: IscsiPortal) => discoverIscsi(hostId, p) });
  const seen = useMemo(() => targetsSeenByHost(data.hostStorage.data), [data.hostStorage.data]);

  const rows = useMemo(() => buildTargetRows({ discovered, logins, hostId, busy, seen }), [discovered, logins, hostId, busy, seen]);
  const notLoggedIn = targetsToLogIn(rows);

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
    const chap = chapPair(v);
    try {
      const found = await discover.mutateAsync({ address, port, ...chap });
      const merged = mergeDiscovered(getValues('discovered'), found);
      setValue('discovered', merged.list, { shouldDirty: true });
      setDiscoverOutcome(discoveryOutcomeText(found, merged.added, { portal: label, hostName, initiator: data.host?.iscsiInitiator }));
    } catch (e) {
      const placed = discoveryErrorPlacement(e, { portal: label, hostName, chapGiven: !!chap.username });
      if (placed) setError(placed.field, { type: 'engine', message: placed.message }, { shouldFocus: true });
      else setStepError(e);
    }
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

  const loginAllReason = loginAllBlockedReason(rows, hostName);
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
              onClick={() => void loginAll(notLoggedIn)}
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
