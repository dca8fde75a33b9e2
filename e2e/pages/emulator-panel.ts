import type { Locator, Page } from '@playwright/test';

/** The dev-only emulator panel in its drawer. Locators only. */
export class EmulatorPanelPage {
  constructor(readonly page: Page) {}

  openButton(): Locator {
    return this.page.getByRole('button', { name: 'Emulator panel' });
  }

  panel(): Locator {
    return this.page.getByRole('complementary', { name: 'Emulator panel' });
  }

  tab(name: 'Hosts and faults' | 'Device specs' | 'Event log' | 'Jobs' | 'Scenario and latency'): Locator {
    return this.panel().getByRole('tab', { name });
  }

  host(name: string): Locator {
    return this.panel().getByRole('region', { name: new RegExp(`^${name}\\b`) });
  }

  closeButton(): Locator {
    return this.panel().getByRole('button', { name: 'Close the emulator panel' });
  }
}
