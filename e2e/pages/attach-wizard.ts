import type { Locator } from '@playwright/test';
import { WizardPage } from './wizard';

/** The Attach wizard (/attach-disk). Returns locators; assertions stay in the specs. */
export class AttachWizard extends WizardPage {
  override stepNav(name: 'Virtual machine' | 'Disk' | 'Source' | 'Targets' | 'LUN' | 'Options' | 'Review'): Locator {
    return super.stepNav(name);
  }
  attach(): Locator {
    return this.page.getByRole('button', { name: /^(Attach|Attaching…)$/ });
  }
  createAndAttach(): Locator {
    return this.page.getByRole('button', { name: /^(Create and attach|Creating…)$/ });
  }
  // Virtual machine
  vms(): Locator {
    return this.page.getByRole('grid', { name: 'Virtual machines to attach to' });
  }
  vm(name: string): Locator {
    return this.vms().getByRole('radio', { name, exact: true });
  }
  vmRow(name: string): Locator {
    return this.vms().locator(`tr[data-vm="${name}"]`);
  }
  // Disk
  mode(name: 'Attach existing disk' | 'Create from LUN'): Locator {
    return this.page.getByRole('radio', { name });
  }
  disks(): Locator {
    return this.page.getByRole('grid', { name: /^Disks to attach to / });
  }
  disk(alias: string): Locator {
    return this.disks().getByRole('checkbox', { name: alias, exact: true });
  }
  diskRow(alias: string): Locator {
    return this.disks().locator(`tr[data-disk="${alias}"]`);
  }
  picked(): Locator {
    return this.page.getByTestId('picked-disks');
  }
  // Options (existing disks): with several disks the labels end with " for <alias>".
  interface(alias?: string): Locator {
    return this.page.getByRole('combobox', { name: alias ? `Interface for ${alias}` : 'Interface', exact: true });
  }
  option(label: 'Activate (plug the disk)' | 'Bootable' | 'Read-only', alias?: string): Locator {
    return this.page.getByRole('checkbox', { name: alias ? `${label} for ${alias}` : label, exact: true });
  }
  // Review
  plan(alias: string): Locator {
    return this.page.getByTestId(`plan-${alias}`);
  }
  restPreview(): Locator {
    return this.page.getByTestId('rest-preview');
  }
  connections(): Locator {
    return this.page.getByRole('grid', { name: /^(Required connections of|Target connections of) / });
  }
  // Result
  summary(): Locator {
    return this.page.getByTestId('attach-summary');
  }
  result(alias: string): Locator {
    return this.page.getByRole('list', { name: 'Disks attached' }).locator(`li[data-disk="${alias}"]`);
  }
  done(): Locator {
    return this.page.getByRole('button', { name: 'Done', exact: true });
  }
}
