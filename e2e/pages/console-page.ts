import type { Locator, Page } from '@playwright/test';

/** The console's frame: navigation, user menu, lists. Returns locators; assertions stay in the specs. */
export class ConsolePage {
  constructor(readonly page: Page) {}

  nav(name: 'Virtual Machines' | 'Disks' | 'Hosts'): Locator {
    return this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name });
  }

  /** PatternFly tables have role "grid". */
  table(name: string): Locator {
    return this.page.getByRole('grid', { name });
  }

  row(table: Locator, firstCell: string): Locator {
    return table.getByRole('row').filter({ has: this.page.getByRole('gridcell', { name: firstCell, exact: true }) });
  }

  userMenu(): Locator {
    return this.page.getByRole('button', { name: /User menu/ });
  }

  async logOut() {
    await this.userMenu().click();
    await this.page.getByRole('menuitem', { name: 'Log out' }).click();
  }
}
