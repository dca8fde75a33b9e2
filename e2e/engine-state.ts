// Questions the e2e specs ask the tab's emulated engine about its state (what the engine holds, not what the page
// shows), so that a spec can check "exactly one disk" or pick a LUN that is free right now.
import type { Page } from '@playwright/test';
import { emulator } from './fixtures';

export async function vmIdOf(page: Page, name: string): Promise<string> {
  return emulator(page, (em, n) => em.engine.state.vms.find((v) => v.name === n)?.id ?? '', name);
}

/** A LUN behind the target with every path up, backing no disk and in no storage domain. */
export async function freeLun(page: Page, target: string): Promise<string> {
  const id = await emulator(
    page,
    (em, t) =>
      em.engine.state.luns.find(
        (l) =>
          l.targetIqn === t &&
          l.activePaths === l.paths &&
          !em.engine.state.disks.some((d) => d.kind === 'lun' && d.lun.id === l.id) &&
          !em.engine.state.storageDomains.some((s) => s.lunIds.includes(l.id)),
      )?.id ?? '',
    target,
  );
  if (!id) throw new Error(`no free LUN behind ${target}`);
  return id;
}
