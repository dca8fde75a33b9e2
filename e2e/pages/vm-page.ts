import type { Locator, Page } from '@playwright/test';

/** Virtual Machines → a VM. Returns locators; assertions stay in the specs. */
export class VmPage {
  constructor(readonly page: Page) {}

  async open(vmName: string) {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Virtual Machines' }).click();
    await this.page.getByRole('grid', { name: 'Virtual machines' }).getByRole('link', { name: vmName, exact: true }).click();
  }

  async openDisksTab() {
    await this.page.getByRole('tab', { name: 'Disks' }).click();
  }

  disks(vmName: string): Locator {
    return this.page.getByRole('grid', { name: `Disks of ${vmName}` });
  }

  diskRow(vmName: string, alias: string): Locator {
    return this.disks(vmName).getByRole('row').filter({ has: this.page.getByRole('gridcell', { name: alias, exact: true }) });
  }

  actionsToggle(alias: string): Locator {
    return this.page.getByRole('button', { name: `Actions for ${alias}` });
  }

  action(name: 'Edit' | 'Activate' | 'Deactivate' | 'Detach'): Locator {
    return this.page.getByRole('menuitem', { name: new RegExp(`^${name}`) });
  }

  dialog(title: RegExp | string): Locator {
    return this.page.getByRole('dialog', { name: title });
  }

  storageConnections(): Locator {
    return this.page.getByRole('grid', { name: 'Storage connections' });
  }
}
