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
  back(): Locator {
    return this.page.getByRole('button', { name: 'Back', exact: true });
  }
  cancel(): Locator {
    return this.page.getByRole('button', { name: 'Cancel', exact: true });
  }
}
