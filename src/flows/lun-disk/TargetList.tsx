// The targets to log in to: the discovered ones and those the host is already logged in to, each with its
// portals, its login state on the host (a failed login says why on its row) and Log in; plus "Log in to all",
// with the reason in words when it does not apply.
import { Button, HelperText, HelperTextItem, Title } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { StatusIcon } from '../../ui/JobProgress';
import { portalText } from './lun-rows';
import { loginAllReason, targetsToLogIn, type TargetRowModel, type TargetState } from './targets-model';
import { t } from '../../i18n/i18n';

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
        {t('lunDisk.targetList.title')}
      </Title>
      {rows.length === 0 ? (
        <p>{t('lunDisk.targetList.empty', { host: hostName })}</p>
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
              {notLoggedIn.length > 0 ? t('lunDisk.targetList.loginAllCount', { count: notLoggedIn.length }) : t('lunDisk.targetList.loginAll')}
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
                <Th>{t('lunDisk.targetList.target')}</Th>
                <Th>{t('lunDisk.targetList.portals')}</Th>
                <Th>{t('lunDisk.targetList.loginState', { host: hostName })}</Th>
                <Th screenReaderText={t('lunDisk.targetList.actions')} />
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
      <Td dataLabel={t('lunDisk.targetList.target')} style={{ wordBreak: 'break-all' }} translate="no">
        {r.iqn}
      </Td>
      <Td dataLabel={t('lunDisk.targetList.portals')} translate="no">
        {r.portals.map((p) => portalText(p.address, p.port)).join(', ') || '—'}
      </Td>
      <Td dataLabel={t('lunDisk.targetList.loginStateShort')}>
        <TargetStateText state={r.state} id={`target-state-${r.iqn}`} />
      </Td>
      <Td dataLabel={t('lunDisk.targetList.actions')} isActionCell>
        {r.discovered && r.state.kind !== 'logged-in' ? (
          <Button
            variant="link"
            isInline
            onClick={() => onLogin(r)}
            isDisabled={r.state.kind === 'busy' || loginAllRunning}
            aria-label={queued ? t('lunDisk.targetList.queuedLabel', { iqn: r.iqn }) : t('lunDisk.targetList.loginTo', { iqn: r.iqn })}
            aria-describedby={`target-state-${r.iqn}`}
          >
            {queued ? t('lunDisk.targetList.queued') : r.state.kind === 'failed' ? t('lunDisk.targetList.tryAgain') : t('lunDisk.targetList.login')}
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
          <StatusIcon status="started" /> {t('lunDisk.targetList.loggingIn')}
        </span>
      );
    case 'logged-in':
      return (
        <span id={id} style={{ display: 'inline-flex', gap: '0.5rem' }}>
          <StatusIcon status="finished" />{' '}
          {state.luns !== undefined ? t('lunDisk.targetList.loggedInLuns', { count: state.luns }) : t('lunDisk.targetList.loggedIn')}
        </span>
      );
    case 'failed':
      return (
        <span id={id} style={{ display: 'inline-flex', gap: '0.5rem', color: 'var(--pf-t--global--text--color--status--danger--default)' }}>
          <StatusIcon status="failed" /> <span>{t('lunDisk.targetList.loginFailed', { message: state.message })}</span>
        </span>
      );
    default:
      return <span id={id}>{t('lunDisk.targetList.notLoggedIn')}</span>;
  }
}
