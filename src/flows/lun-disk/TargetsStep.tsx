// Step "Targets" (iSCSI): discover the targets behind a portal from the chosen host, and log in to them. Errors
// land where they belong (webadmin-direct-lun.md §2.3 shows one catch-all text for all of them; we do not):
// an authentication failure on the CHAP password, an unreachable portal on the address, a login failure on that
// target's row. Enter in any discovery field discovers.
import { Form, Title } from '@patternfly/react-core';
import { useMemo } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useLunDisk } from './data';
import { DiscoveryFields } from './DiscoveryFields';
import type { LunDiskFormValues } from './form';
import { TargetList } from './TargetList';
import { buildTargetRows, targetsSeenByHost } from './targets-model';
import { useDiscovery } from './use-discovery';
import { useTargetLogins } from './use-target-logins';
import { t } from '../../i18n/i18n';

export function TargetsStep() {
  const { data, restoredDraft } = useLunDisk();
  const { control } = useFormContext<LunDiskFormValues>();
  const [hostId, discovered, logins] = useWatch({ control, name: ['hostId', 'discovered', 'logins'] });
  const hostName = data.host?.name ?? t('lunDisk.theHost');
  const host = { name: hostName, initiator: data.host?.iscsiInitiator };
  const discovery = useDiscovery(hostId, host);
  const { busy, loginAllRunning, announcement, login, loginAll } = useTargetLogins(hostId, host);

  const seen = useMemo(() => targetsSeenByHost(data.hostStorage.data), [data.hostStorage.data]);
  const rows = useMemo(() => buildTargetRows({ discovered, logins, hostId, busy, seen }), [discovered, logins, hostId, busy, seen]);

  return (
    <Form onSubmit={(e) => e.preventDefault()} aria-labelledby="targets-step-title">
      <Title headingLevel="h2" id="targets-step-title">
        {t('lunDisk.targets.title', { host: hostName })}
      </Title>
      <p>
        {t('lunDisk.targets.intro', { host: hostName })}
      </p>
      <DiscoveryFields hostChosen={!!hostId} hostName={hostName} restoredDraft={!!restoredDraft} discovery={discovery} />
      <TargetList rows={rows} hostName={hostName} loginAllRunning={loginAllRunning} onLogin={(t) => void login(t)} onLoginAll={(todo) => void loginAll(todo)} />
      <p className="pf-v6-screen-reader" role="status" aria-live="polite">
        {announcement}
      </p>
    </Form>
  );
}
