// The dev-only emulator panel (docs/design.md §4): what the emulated hosts are doing — status, iSCSI sessions
// and what holds each, the device specs the engine sent them, the event log — and the faults a reviewer injects
// to watch HA and fallback happen (the jobs tab shows the engine's own jobs, such as an HA restart, step by step): crash / recover a host, cut a host off from a portal, make runs fail, expire
// the console's session, latency, scenario switch and reset. It reads the Emulator object directly and
// re-renders when it changes. Not part of the product: loaded only in emulated mode (mocks/emulated-mode.ts).
import {
  Button, DrawerActions, ExpandableSection, FormGroup, FormSelect, FormSelectOption, Label, Switch, Tab, Tabs,
  TabTitleText, Title,
} from '@patternfly/react-core';
import { TimesIcon } from '@patternfly/react-icons';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useEffect, useReducer, useRef, useState, type ComponentType } from 'react';
import type { DeviceSpec } from '../engine/device-spec';
import type { EngineEvent } from '../../src/domain/model';
import { EventTable } from '../../src/ui/EventTable';
import { formatDateTime, t } from '../../src/i18n/i18n';
import { LATENCY_PRESETS, type Emulator } from '../emulator';
import { describeHolder, portalLabel } from '../engine/ops-storage';
import type { EmHost } from '../engine/state';

export interface PanelSource {
  emulator: Emulator;
  scenarios: Array<{ name: string; describe: string }>;
  reset: (scenario?: string) => void;
  setLatency: (factor: number) => void;
}

/** Re-render on every emulator change, at most once per frame (a run changes state many times a second). */
function useEmulatorChanges(em: Emulator): void {
  const [, bump] = useReducer((x: number) => x + 1, 0);
  useEffect(() => {
    let frame: number | undefined;
    const off = em.subscribe(() => {
      frame ??= requestAnimationFrame(() => {
        frame = undefined;
        bump();
      });
    });
    return () => {
      off();
      if (frame !== undefined) cancelAnimationFrame(frame);
    };
  }, [em]);
}

const STATUS_COLOR: Record<string, 'green' | 'red' | 'blue' | 'grey'> = { up: 'green', non_responsive: 'red', maintenance: 'blue' };

function HostCard({ em, host }: { em: Emulator; host: EmHost }) {
  const e = em.engine;
  const sessions = e.state.sessions.filter((s) => s.hostId === host.id);
  const running = e.state.vms.filter((v) => v.hostId === host.id && v.status !== 'down');
  const headingId = `em-host-${host.id}`;
  return (
    <section aria-labelledby={headingId} style={{ borderBottom: '1px solid var(--pf-t--global--border--color--default)', padding: '0.75rem 0' }}>
      <Title headingLevel="h3" id={headingId} style={{ display: 'flex', gap: '0.5rem', alignItems: 'center' }}>
        <span translate="no">{host.name}</span>
        <Label isCompact color={STATUS_COLOR[host.status] ?? 'grey'} translate="no">
          {host.status.replace(/_/g, ' ')}
        </Label>
      </Title>
      <p style={{ margin: '0.25rem 0' }}>
        {running.length === 0
          ? t('emulator.panel.runningNone')
          : t('emulator.panel.running', { vms: running.map((v) => `${v.name} (${v.status.replace(/_/g, ' ')})`).join(', ') })}
      </p>
      <div style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap', alignItems: 'center', margin: '0.5rem 0' }}>
        {host.status === 'up' ? (
          <Button variant="danger" size="sm" onClick={() => em.crashHost(host.name)}>
            {t('emulator.panel.crash', { host: host.name })}
          </Button>
        ) : (
          <Button variant="secondary" size="sm" onClick={() => em.recoverHost(host.name)}>
            {t('emulator.panel.recover', { host: host.name })}
          </Button>
        )}
        <Switch
          id={`em-failruns-${host.id}`}
          label={t('emulator.panel.runsFail', { host: host.name })}
          isChecked={!!host.failRuns}
          onChange={(_ev, on) => em.setFailRuns(host.name, on)}
        />
      </div>
      <ul aria-label={t('emulator.panel.portals', { host: host.name })} style={{ listStyle: 'none', padding: 0, margin: '0.25rem 0' }}>
        {e.state.portals.map((p) => {
          const reaches = host.reach.portalIds.includes(p.id);
          return (
            <li key={p.id} style={{ display: 'flex', gap: '0.5rem', alignItems: 'center', margin: '0.125rem 0' }}>
              <span>
                {t(reaches ? 'emulator.panel.portalReachable' : 'emulator.panel.portalCutOff', {
                  portal: portalLabel(p),
                  alias: p.aliases[0] ?? t('emulator.panel.noName'),
                })}
              </span>
              <Button
                variant="link"
                isInline
                onClick={() => (reaches ? em.cutPortal(host.name, p.address) : em.restorePortal(host.name, p.address))}
              >
                {reaches
                  ? t('emulator.panel.cut', { host: host.name, address: p.address })
                  : t('emulator.panel.restore', { host: host.name, address: p.address })}
              </Button>
            </li>
          );
        })}
      </ul>
      {sessions.length === 0 ? (
        <p>{t('emulator.panel.noSession')}</p>
      ) : (
        <Table aria-label={t('emulator.panel.sessions', { host: host.name })} variant="compact">
          <Thead>
            <Tr>
              <Th>{t('emulator.panel.target')}</Th>
              <Th>{t('emulator.panel.portal')}</Th>
              <Th>{t('emulator.panel.state')}</Th>
              <Th>{t('emulator.panel.heldBy')}</Th>
            </Tr>
          </Thead>
          <Tbody>
            {sessions.map((s) => (
              <Tr key={`${s.target}@${s.address}:${s.port}`}>
                <Td dataLabel={t('emulator.panel.target')} translate="no">
                  {s.target}
                </Td>
                <Td dataLabel={t('emulator.panel.portal')} translate="no">
                  {portalLabel(s)}
                </Td>
                <Td dataLabel={t('emulator.panel.state')}>{s.state === 'failed' ? t('emulator.panel.loggedInNoPath') : t('emulator.panel.loggedIn')}</Td>
                {s.holders.length === 0 ? (
                  <Td dataLabel={t('emulator.panel.heldBy')}>
                    {s.origin === 'iscsilogin' ? t('emulator.panel.heldByAdmin') : t('emulator.panel.heldByNothing')}
                  </Td>
                ) : (
                  // What holds a session, as the emulated engine names it (its own words, like an engine message).
                  <Td dataLabel={t('emulator.panel.heldBy')} translate="no">
                    {s.holders.map((h) => describeHolder(e, h)).join('; ')}
                  </Td>
                )}
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </section>
  );
}

function specSummary(d: DeviceSpec, alias: string): string {
  const what = d.GUID ? `GUID ${d.GUID}` : `volume ${d.volumeID ?? '?'}`;
  return `${alias}: ${d.device} ${d.iface} #${d.index}, ${what}, format ${d.format}${d.bootOrder ? `, bootOrder ${d.bootOrder}` : ''}, shared ${d.shared}, readonly ${d.readonly}, propagateErrors ${d.propagateErrors}${d.address ? `, address ${Object.values(d.address).join(':')}` : ', no address yet'}`;
}

function DeviceSpecs({ em }: { em: Emulator }) {
  const e = em.engine;
  const records = [...e.state.deviceSpecs].reverse().slice(0, 30);
  if (records.length === 0) return <p>{t('emulator.panel.noSpec')}</p>;
  return (
    <ol aria-label={t('emulator.panel.specsLabel')} style={{ listStyle: 'none', padding: 0 }}>
      {records.map((r, i) => {
        const vm = e.findVmOrUndefined(r.vmId)?.name ?? r.vmId;
        return (
          <li key={`${r.time}-${i}`} style={{ marginBottom: '0.75rem' }}>
            <strong>
              {t(r.reason === 'hotplug' ? 'emulator.panel.specHotplug' : r.reason === 'migrate' ? 'emulator.panel.specMigrate' : 'emulator.panel.specRun', {
                vm,
                host: e.hostName(r.hostId),
              })}
            </strong>{' '}
            <time dateTime={new Date(r.time).toISOString()}>{formatDateTime(r.time, { timeStyle: 'medium' })}</time>
            {/* The device specs as VDSM reads them: a data format, not translated. */}
            <ul style={{ margin: '0.25rem 0 0 1rem' }} translate="no">
              {r.devices.map((d) => (
                <li key={d.diskId}>{specSummary(d, e.findDisk(d.diskId)?.alias ?? d.diskId)}</li>
              ))}
            </ul>
            <ExpandableSection toggleText={t('emulator.panel.specJson', { host: e.hostName(r.hostId) })}>
              <pre translate="no" style={{ fontSize: '0.75rem', whiteSpace: 'pre-wrap' }}>{JSON.stringify(r.devices.map(({ diskId: _d, ...spec }) => spec), null, 2)}</pre>
            </ExpandableSection>
          </li>
        );
      })}
    </ol>
  );
}

function EventLog({ em }: { em: Emulator }) {
  const events: EngineEvent[] = [...em.engine.state.events]
    .reverse()
    .slice(0, 60)
    .map((ev) => ({
      id: ev.id,
      code: ev.code,
      description: ev.description,
      severity: ev.severity,
      time: ev.time,
      correlationId: ev.correlationId,
      vmId: ev.vmId,
      hostId: ev.hostId,
      storageDomainId: ev.storageDomainId,
    }));
  if (events.length === 0) return <p>{t('emulator.panel.noEvent')}</p>;
  return <EventTable label={t('emulator.panel.eventsLabel')} events={events} />;
}

/** The engine's jobs with their steps, newest first: the HA restart and other jobs nobody started from the console. */
function JobLog({ em }: { em: Emulator }) {
  const e = em.engine;
  const jobs = [...e.state.jobs].reverse().slice(0, 15);
  if (jobs.length === 0) return <p>{t('emulator.panel.noJob')}</p>;
  const stepsOf = (jobId: string, parent: string | undefined) =>
    e.state.steps.filter((st) => st.jobId === jobId && st.parentStepId === parent).sort((a, b) => a.startTime - b.startTime || a.number - b.number);
  const renderSteps = (jobId: string, parent: string | undefined) => {
    const list = stepsOf(jobId, parent);
    if (list.length === 0) return null;
    return (
      <ul style={{ margin: '0.125rem 0 0 1rem' }}>
        {list.map((st) => (
          <li key={st.id}>
            <span translate="no">
              [{st.status}] {st.description}
            </span>
            {renderSteps(jobId, st.id)}
          </li>
        ))}
      </ul>
    );
  };
  return (
    <ol aria-label={t('emulator.panel.jobsLabel')} style={{ listStyle: 'none', padding: 0 }}>
      {jobs.map((j) => (
        <li key={j.id} style={{ marginBottom: '0.75rem' }}>
          <strong translate="no">
            [{j.status}] {j.description}
          </strong>{' '}
          {j.correlationId ? t('emulator.panel.correlation', { id: j.correlationId }) : t('emulator.panel.byEngine')}
          {renderSteps(j.id, undefined)}
        </li>
      ))}
    </ol>
  );
}

function latencyPreset(f: number): string {
  return Object.entries(LATENCY_PRESETS).find(([, v]) => v === f)?.[0] ?? 'custom';
}

function ScenarioControls({ src }: { src: PanelSource }) {
  const em = src.emulator;
  const [scenario, setScenario] = useState(em.scenario);
  const latency = latencyPreset(em.engine.latencyFactor);
  return (
    <div style={{ display: 'grid', gap: '1rem', maxWidth: '32rem' }}>
      <FormGroup label={t('emulator.panel.scenario')} fieldId="em-scenario">
        <FormSelect id="em-scenario" value={scenario} onChange={(_e, v) => setScenario(v)} aria-describedby="em-scenario-help">
          {src.scenarios.map((s) => (
            <FormSelectOption key={s.name} value={s.name} label={t('emulator.panel.scenarioOption', { name: s.name, describe: s.describe })} />
          ))}
        </FormSelect>
        <p id="em-scenario-help" style={{ marginTop: '0.25rem' }}>
          {t('emulator.panel.scenarioHelp')}
        </p>
      </FormGroup>
      <div>
        <Button variant="danger" onClick={() => src.reset(scenario)}>
          {scenario === em.scenario ? t('emulator.panel.resetScenario', { scenario }) : t('emulator.panel.switchScenario', { scenario })}
        </Button>
      </div>
      <FormGroup label={t('emulator.panel.latency')} fieldId="em-latency">
        <FormSelect
          id="em-latency"
          value={latency}
          onChange={(_e, v) => {
            const f = LATENCY_PRESETS[v as keyof typeof LATENCY_PRESETS];
            if (f !== undefined) src.setLatency(f);
          }}
        >
          {latency === 'custom' ? <FormSelectOption value="custom" label={t('emulator.panel.latencyCustom', { factor: em.engine.latencyFactor })} isDisabled /> : null}
          {Object.entries(LATENCY_PRESETS).map(([name, f]) => (
            <FormSelectOption key={name} value={name} label={t('emulator.panel.latencyPreset', { name, factor: f })} />
          ))}
        </FormSelect>
      </FormGroup>
      <div>
        <Button variant="secondary" onClick={() => em.expireSessions()} aria-describedby="em-expire-help">
          {t('emulator.panel.expire')}
        </Button>
        <p id="em-expire-help" style={{ marginTop: '0.25rem' }}>
          {t('emulator.panel.expireHelp')}
        </p>
      </div>
    </div>
  );
}

export function EmulatorPanel({ src, onClose }: { src: PanelSource; onClose: () => void }) {
  const em = src.emulator;
  useEmulatorChanges(em);
  const [tab, setTab] = useState<string | number>('hosts');
  const closeRef = useRef<HTMLButtonElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  // Keyboard: focus comes into the panel when it opens, Escape inside it closes it, and focus goes back to
  // what opened it.
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
    closeRef.current?.focus();
    return () => opener?.focus();
  }, []);
  useEffect(() => {
    const root = rootRef.current;
    const onKey = (ev: KeyboardEvent) => {
      if (ev.key === 'Escape') onClose();
    };
    root?.addEventListener('keydown', onKey);
    return () => root?.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div ref={rootRef} style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <Title headingLevel="h2" id="emulator-panel-title">
          {t('emulator.panel.title', { scenario: em.scenario })}
        </Title>
        <DrawerActions>
          <Button ref={closeRef} variant="plain" aria-label={t('emulator.panel.close')} icon={<TimesIcon />} onClick={onClose} />
        </DrawerActions>
      </div>
      <p style={{ margin: '0.25rem 0 0.75rem' }}>
        {t('emulator.panel.intro')}
      </p>
      <Tabs activeKey={tab} onSelect={(_e, k) => setTab(k)} aria-label={t('emulator.panel.sections')}
        backScrollAriaLabel={t('emulator.panel.scrollBack')}
        forwardScrollAriaLabel={t('emulator.panel.scrollForward')} mountOnEnter unmountOnExit>
        <Tab eventKey="hosts" title={<TabTitleText>{t('emulator.panel.tab.hosts')}</TabTitleText>}>
          {em.engine.state.hosts.map((h) => (
            <HostCard key={h.id} em={em} host={h} />
          ))}
        </Tab>
        <Tab eventKey="specs" title={<TabTitleText>{t('emulator.panel.tab.specs')}</TabTitleText>}>
          <div style={{ paddingTop: '0.75rem' }}>
            <DeviceSpecs em={em} />
          </div>
        </Tab>
        <Tab eventKey="events" title={<TabTitleText>{t('emulator.panel.tab.events')}</TabTitleText>}>
          <div style={{ paddingTop: '0.75rem' }}>
            <EventLog em={em} />
          </div>
        </Tab>
        <Tab eventKey="jobs" title={<TabTitleText>{t('emulator.panel.tab.jobs')}</TabTitleText>}>
          <div style={{ paddingTop: '0.75rem' }}>
            <JobLog em={em} />
          </div>
        </Tab>
        <Tab eventKey="scenario" title={<TabTitleText>{t('emulator.panel.tab.scenario')}</TabTitleText>}>
          <div style={{ paddingTop: '0.75rem' }}>
            <ScenarioControls src={src} />
          </div>
        </Tab>
      </Tabs>
    </div>
  );
}

/** The component the app renders in its drawer (EmulatedMode.Panel), bound to this tab's emulator. */
export function createEmulatorPanel(src: PanelSource): ComponentType<{ onClose: () => void }> {
  function BoundEmulatorPanel({ onClose }: { onClose: () => void }) {
    return <EmulatorPanel src={src} onClose={onClose} />;
  }
  return BoundEmulatorPanel;
}
