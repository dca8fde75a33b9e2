import type { Locator, Page } from '@playwright/test';

/** What every wizard of the console has: a step list, Next, Back and Cancel. Returns locators. */
export class WizardPage {
  constructor(readonly page: Page) {}

  /** The title of the step on screen. */
  heading(): Locator {
    return this.page.getByRole('heading', { level: 2 }).first();
  }
  stepNav(name: string): Locator {
    return this.page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name, exact: true });
  }
  next(): Locator {
    return this.page.getByRole('button', { name: 'Next', exact: true });
  }
  /**
   * Next, then wait until another step is on screen: a Next clicked while the step is still changing would land on
   * the old step and be dropped (the wizard ignores a double click on Next on purpose). Throws if the step stays.
   */
  async advance(): Promise<void> {
    const from = (await this.heading().innerText()).trim();
    await this.next().click();
    await this.heading().filter({ hasNotText: from }).waitFor();
  }
  back(): Locator {
    return this.page.getByRole('button', { name: 'Back', exact: true });
  }
  cancel(): Locator {
    return this.page.getByRole('button', { name: 'Cancel', exact: true });
  }
}
