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
        {host.name}
        <Label isCompact color={STATUS_COLOR[host.status] ?? 'grey'}>
          {host.status.replace(/_/g, ' ')}
        </Label>
      </Title>
      <p style={{ margin: '0.25rem 0' }}>
        Running: {running.length === 0 ? 'no VM' : running.map((v) => `${v.name} (${v.status.replace(/_/g, ' ')})`).join(', ')}
      </p>
      <div style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap', alignItems: 'center', margin: '0.5rem 0' }}>
        {host.status === 'up' ? (
          <Button variant="danger" size="sm" onClick={() => em.crashHost(host.name)}>
            Crash {host.name}
          </Button>
        ) : (
          <Button variant="secondary" size="sm" onClick={() => em.recoverHost(host.name)}>
            Recover {host.name}
          </Button>
        )}
        <Switch
          id={`em-failruns-${host.id}`}
          label={`Runs fail on ${host.name}`}
          isChecked={!!host.failRuns}
          onChange={(_ev, on) => em.setFailRuns(host.name, on)}
        />
      </div>
      <ul aria-label={`Portals and ${host.name}`} style={{ listStyle: 'none', padding: 0, margin: '0.25rem 0' }}>
        {e.state.portals.map((p) => {
          const reaches = host.reach.portalIds.includes(p.id);
          return (
            <li key={p.id} style={{ display: 'flex', gap: '0.5rem', alignItems: 'center', margin: '0.125rem 0' }}>
              <span>
                {portalLabel(p)} ({p.aliases[0] ?? 'no name'}): {reaches ? 'reachable' : 'cut off'}
              </span>
              <Button
                variant="link"
                isInline
                onClick={() => (reaches ? em.cutPortal(host.name, p.address) : em.restorePortal(host.name, p.address))}
              >
                {reaches ? `Cut ${host.name} off from ${p.address}` : `Restore ${host.name}'s path to ${p.address}`}
              </Button>
            </li>
          );
        })}
      </ul>
      {sessions.length === 0 ? (
        <p>No iSCSI session.</p>
      ) : (
        <Table aria-label={`iSCSI sessions of ${host.name} (emulated host)`} variant="compact">
          <Thead>
            <Tr>
              <Th>Target</Th>
              <Th>Portal</Th>
              <Th>State</Th>
              <Th>Held by</Th>
            </Tr>
          </Thead>
          <Tbody>
            {sessions.map((s) => (
              <Tr key={`${s.target}@${s.address}:${s.port}`}>
                <Td dataLabel="Target">{s.target}</Td>
                <Td dataLabel="Portal">{portalLabel(s)}</Td>
                <Td dataLabel="State">{s.state === 'failed' ? 'Logged in, no path' : 'Logged in'}</Td>
                <Td dataLabel="Held by">
                  {s.holders.length === 0
                    ? `nothing (${s.origin === 'iscsilogin' ? 'an administrator\u2019s login' : 'left over'})`
                    : s.holders.map((h) => describeHolder(e, h)).join('; ')}
                </Td>
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
  if (records.length === 0) return <p>No device spec sent yet: run a VM or hot plug a disk.</p>;
  return (
    <ol aria-label="Device specs sent to hosts, newest first" style={{ listStyle: 'none', padding: 0 }}>
      {records.map((r, i) => {
        const vm = e.findVmOrUndefined(r.vmId)?.name ?? r.vmId;
        return (
          <li key={`${r.time}-${i}`} style={{ marginBottom: '0.75rem' }}>
            <strong>
              {r.reason === 'hotplug' ? 'Hot plug' : r.reason === 'migrate' ? 'Migration' : 'Run'} of {vm} on {e.hostName(r.hostId)}
            </strong>{' '}
            <time dateTime={new Date(r.time).toISOString()}>{new Date(r.time).toLocaleTimeString()}</time>
            <ul style={{ margin: '0.25rem 0 0 1rem' }}>
              {r.devices.map((d) => (
                <li key={d.diskId}>{specSummary(d, e.findDisk(d.diskId)?.alias ?? d.diskId)}</li>
              ))}
            </ul>
            <ExpandableSection toggleText={`As sent to ${e.hostName(r.hostId)} (JSON)`}>
              <pre style={{ fontSize: '0.75rem', whiteSpace: 'pre-wrap' }}>{JSON.stringify(r.devices.map(({ diskId: _d, ...spec }) => spec), null, 2)}</pre>
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
  if (events.length === 0) return <p>No event yet.</p>;
  return <EventTable label="Event log, newest first" events={events} />;
}

/** The engine's jobs with their steps, newest first: the HA restart and other jobs nobody started from the console. */
function JobLog({ em }: { em: Emulator }) {
  const e = em.engine;
  const jobs = [...e.state.jobs].reverse().slice(0, 15);
  if (jobs.length === 0) return <p>No job yet.</p>;
  const stepsOf = (jobId: string, parent: string | undefined) =>
    e.state.steps.filter((st) => st.jobId === jobId && st.parentStepId === parent).sort((a, b) => a.startTime - b.startTime || a.number - b.number);
  const renderSteps = (jobId: string, parent: string | undefined) => {
    const list = stepsOf(jobId, parent);
    if (list.length === 0) return null;
    return (
      <ul style={{ margin: '0.125rem 0 0 1rem' }}>
        {list.map((st) => (
          <li key={st.id}>
            [{st.status}] {st.description}
            {renderSteps(jobId, st.id)}
          </li>
        ))}
      </ul>
    );
  };
  return (
    <ol aria-label="Jobs, newest first" style={{ listStyle: 'none', padding: 0 }}>
      {jobs.map((j) => (
        <li key={j.id} style={{ marginBottom: '0.75rem' }}>
          <strong>
            [{j.status}] {j.description}
          </strong>
          {j.correlationId ? ` (correlation id ${j.correlationId})` : ' (started by the engine itself)'}
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
      <FormGroup label="Scenario" fieldId="em-scenario">
        <FormSelect id="em-scenario" value={scenario} onChange={(_e, v) => setScenario(v)} aria-describedby="em-scenario-help">
          {src.scenarios.map((s) => (
            <FormSelectOption key={s.name} value={s.name} label={`${s.name} — ${s.describe}`} />
          ))}
        </FormSelect>
        <p id="em-scenario-help" style={{ marginTop: '0.25rem' }}>
          Resetting rebuilds the scenario from its seed and reloads the page: everything done in this tab is lost.
        </p>
      </FormGroup>
      <div>
        <Button variant="danger" onClick={() => src.reset(scenario)}>
          {scenario === em.scenario ? `Reset scenario ${scenario}` : `Switch to scenario ${scenario}`}
        </Button>
      </div>
      <FormGroup label="Latency of host operations" fieldId="em-latency">
        <FormSelect
          id="em-latency"
          value={latency}
          onChange={(_e, v) => {
            const f = LATENCY_PRESETS[v as keyof typeof LATENCY_PRESETS];
            if (f !== undefined) src.setLatency(f);
          }}
        >
          {latency === 'custom' ? <FormSelectOption value="custom" label={`custom (×${em.engine.latencyFactor})`} isDisabled /> : null}
          {Object.entries(LATENCY_PRESETS).map(([name, f]) => (
            <FormSelectOption key={name} value={name} label={`${name} (×${f})`} />
          ))}
        </FormSelect>
      </FormGroup>
      <div>
        <Button variant="secondary" onClick={() => em.expireSessions()} aria-describedby="em-expire-help">
          Expire the console&apos;s session
        </Button>
        <p id="em-expire-help" style={{ marginTop: '0.25rem' }}>
          Every token stops working: the console&apos;s next request gets a 401 and asks to log in again over the page.
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
          Emulator panel · scenario {em.scenario}
        </Title>
        <DrawerActions>
          <Button ref={closeRef} variant="plain" aria-label="Close the emulator panel" icon={<TimesIcon />} onClick={onClose} />
        </DrawerActions>
      </div>
      <p style={{ margin: '0.25rem 0 0.75rem' }}>
        What the emulated hosts are doing, and faults to inject. Not part of the console: a real engine has none of this.
      </p>
      <Tabs activeKey={tab} onSelect={(_e, k) => setTab(k)} aria-label="Emulator panel sections" mountOnEnter unmountOnExit>
        <Tab eventKey="hosts" title={<TabTitleText>Hosts and faults</TabTitleText>}>
          {em.engine.state.hosts.map((h) => (
            <HostCard key={h.id} em={em} host={h} />
          ))}
        </Tab>
        <Tab eventKey="specs" title={<TabTitleText>Device specs</TabTitleText>}>
          <div style={{ paddingTop: '0.75rem' }}>
            <DeviceSpecs em={em} />
          </div>
        </Tab>
        <Tab eventKey="events" title={<TabTitleText>Event log</TabTitleText>}>
          <div style={{ paddingTop: '0.75rem' }}>
            <EventLog em={em} />
          </div>
        </Tab>
        <Tab eventKey="jobs" title={<TabTitleText>Jobs</TabTitleText>}>
          <div style={{ paddingTop: '0.75rem' }}>
            <JobLog em={em} />
          </div>
        </Tab>
        <Tab eventKey="scenario" title={<TabTitleText>Scenario and latency</TabTitleText>}>
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
