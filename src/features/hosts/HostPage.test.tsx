// What the host page says about what the engine cannot tell (decision 044 §13.1-2): the session list is derived
// from the LUNs the host reports (the engine has no session list per host), and there is no iSCSI logout (the
// engine has no such action), with how the engine logs out instead.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { byName, setupEmulatedEngine } from '../../test/engine-harness';
import { renderRoute } from '../../test/render-route';
import { HostPage } from './HostPage';

const { ctx } = setupEmulatedEngine('lab');

function renderHost(name: string) {
  const host = byName(ctx.emulator.engine.state.hosts, name);
  return renderRoute([{ path: '/hosts/:hostId', element: <HostPage /> }], `/hosts/${host.id}`);
}

describe('HostPage: iSCSI sessions', () => {
  it('says the sessions are derived from the LUNs the host sees, and what that leaves out', async () => {
    renderHost('host1');
    const section = await screen.findByRole('region', { name: 'iSCSI sessions and what holds them' });
    expect(await within(section).findByText(/^Derived from the LUNs host1 sees: the engine reports no session list/)).toHaveTextContent(
      'Derived from the LUNs host1 sees: the engine reports no session list, so a target that maps no LUN to host1, and the other portals of a multipath LUN, are not shown.',
    );
  });

  it('offers no iSCSI logout and says how the engine logs out', async () => {
    renderHost('host1');
    const section = await screen.findByRole('region', { name: 'iSCSI sessions and what holds them' });
    expect(await within(section).findByText(/the engine logs out of it when the last of them lets go/)).toHaveTextContent(
      'The engine has no logout action, so the console offers none.',
    );
    expect(screen.queryByRole('button', { name: /log ?out/i })).not.toBeInTheDocument();
    expect(screen.queryByRole('menuitem', { name: /log ?out/i })).not.toBeInTheDocument();
  });

  it('a host that is not Up: says the engine cannot list what it is connected to', async () => {
    renderHost('host4');
    const section = await screen.findByRole('region', { name: 'iSCSI sessions and what holds them' });
    expect(within(section).getByText(/the engine cannot list what it is connected to/)).toHaveTextContent(
      "host4 is Maintenance: the engine cannot list what it is connected to (the host's device list needs an Up host).",
    );
  });
});
