// The targets to log in to: the discovered ones and those the host is already logged in to, each with its
// portals, its login state on the host (a failed login says why on its row) and Log in; plus "Log in to all",
// with the reason in words when it does not apply.
import { Button, HelperText, HelperTextItem, Title } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { StatusIcon } from '../../ui/JobProgress';
import { portalText } from './lun-rows';
import { loginAllReason, targetsToLogIn, type TargetRowModel, type TargetState } from './targets-model';

export function TargetList({
  rows,
  hostName,
  loginAllRunning,
  onLogin,
  onLoginAll,
}: {
  rows: readonly TargetRowModel[];
  hostName: string;
  loginAllRunning: boolean;
  onLogin: (t: TargetRowModel) => void;
  onLoginAll: (todo: readonly TargetRowModel[]) => void;
}) {
  const notLoggedIn = targetsToLogIn(rows);
  const reason = loginAllReason(rows, hostName);
  return (
    <>
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
              onClick={() => onLoginAll(notLoggedIn)}
              isLoading={loginAllRunning}
              isDisabled={!!reason || loginAllRunning}
              aria-describedby={reason ? 'login-all-reason' : undefined}
            >
              Log in to all{notLoggedIn.length > 0 ? ` (${notLoggedIn.length})` : ''}
            </Button>
            {reason ? (
              <HelperText>
                <HelperTextItem id="login-all-reason">{reason}</HelperTextItem>
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
                <TargetRow key={r.iqn} row={r} loginAllRunning={loginAllRunning} onLogin={onLogin} />
              ))}
            </Tbody>
          </Table>
        </>
      )}
    </>
  );
}

function TargetRow({ row: r, loginAllRunning, onLogin }: { row: TargetRowModel; loginAllRunning: boolean; onLogin: (t: TargetRowModel) => void }) {
  // While "Log in to all" runs, the rows it has not reached yet say so instead of offering Log in.
  const queued = loginAllRunning && r.state.kind !== 'busy';
  return (
    <Tr data-target={r.iqn}>
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
            onClick={() => onLogin(r)}
            isDisabled={r.state.kind === 'busy' || loginAllRunning}
            aria-label={queued ? `Queued for Log in to all: ${r.iqn}` : `Log in to ${r.iqn}`}
            aria-describedby={`target-state-${r.iqn}`}
          >
            {queued ? 'Queued for Log in to all' : r.state.kind === 'failed' ? 'Try again' : 'Log in'}
          </Button>
        ) : null}
      </Td>
    </Tr>
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
