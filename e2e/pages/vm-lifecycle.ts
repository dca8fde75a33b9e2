import type { Locator, Page } from '@playwright/test';

/** Lifecycle actions and the operations they start, on the VM list and the VM page. Locators only. */
export class VmLifecycle {
  constructor(readonly page: Page) {}

  /** The kebab of a VM's row in the list. */
  rowMenu(vm: string): Locator {
    return this.page.getByRole('button', { name: `Actions for ${vm}` });
  }

  /** An item of the open row menu; its accessible name starts with the action and carries the reason when disabled. */
  menuItem(action: 'Run' | 'Shut down' | 'Power off' | 'Migrate'): Locator {
    return this.page.getByRole('menuitem', { name: new RegExp(`^${action}`) });
  }

  /** The VM page's lifecycle buttons. */
  button(action: 'Run' | 'Shut down' | 'Power off' | 'Migrate'): Locator {
    return this.page.getByRole('group', { name: /^Lifecycle of / }).getByRole('button', { name: action, exact: true });
  }

  /** The operations shown where they were started (list or VM page). */
  operations(): Locator {
    return this.page.getByRole('region', { name: /^Operations on / });
  }

  /** One operation, by a text of its title ("test01 is Up on host1", "Migration failed"). */
  operation(title: string | RegExp): Locator {
    return this.operations().locator('.pf-v6-c-alert').filter({ has: this.page.getByRole('heading', { name: title }) });
  }

  /** The engine's steps of the operation. */
  steps(op: Locator): Locator {
    return op.getByRole('region', { name: /^Engine steps/ });
  }

  confirmDialog(title: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name: title });
  }

  migrateDialog(vm: string): Locator {
    return this.page.getByRole('dialog', { name: `Migrate ${vm}` });
  }
}
