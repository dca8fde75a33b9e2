import type { Locator, Page, Request } from '@playwright/test';
import { WizardPage } from './wizard';

export const LAB = {
  portalA: '10.35.1.72',
  portalB: '10.35.2.90',
  apps: 'iqn.2024-03.com.example.lab:array-a.apps',
  data: 'iqn.2024-03.com.example.lab:array-a.data',
  secure: 'iqn.2024-03.com.example.lab:array-a.secure',
  backup: 'iqn.2024-03.com.example.lab:array-b.backup',
  chap: { username: 'lab-chap', password: 'chap-secret-42' },
} as const;

/** The Add Direct LUN disk wizard. Returns locators; assertions stay in the specs. */
export class AddDiskWizard extends WizardPage {
  override stepNav(name: 'Source' | 'Targets' | 'LUN' | 'Disk' | 'Review'): Locator {
    return super.stepNav(name);
  }
  create(): Locator {
    return this.page.getByRole('button', { name: /^(Create|Creating…)$/ });
  }
  // Source
  host(): Locator {
    return this.page.getByLabel('Host to use');
  }
  storageType(name: 'iSCSI' | 'Fibre Channel'): Locator {
    return this.page.getByRole('radio', { name });
  }
  // Targets
  address(): Locator {
    return this.page.getByRole('textbox', { name: 'Address' });
  }
  port(): Locator {
    return this.page.getByRole('textbox', { name: 'Port' });
  }
  chapUsername(): Locator {
    return this.page.getByRole('textbox', { name: 'CHAP username' });
  }
  chapPassword(): Locator {
    return this.page.getByLabel('CHAP password');
  }
  discover(): Locator {
    return this.page.getByRole('button', { name: /^(Discover|Discovering)/ });
  }
  targets(): Locator {
    return this.page.getByRole('grid', { name: 'Targets' });
  }
  targetRow(iqn: string): Locator {
    return this.targets().getByRole('row').filter({ hasText: iqn });
  }
  loginAll(): Locator {
    return this.page.getByRole('button', { name: /^Log in to all/ });
  }
  // LUN
  lunGrid(): Locator {
    return this.page.getByRole('grid', { name: /LUNs .* sees$/ });
  }
  lunRow(id: string): Locator {
    return this.lunGrid().locator(`tr[data-lun-id="${id}"]`);
  }
  lunRows(state?: 'selectable' | 'selected' | 'used'): Locator {
    return this.lunGrid().locator(state ? `tr[data-state="${state}"]` : 'tr[data-lun-id]');
  }
  search(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search LUNs' }).or(this.page.getByLabel('Search LUNs'));
  }
  counts(): Locator {
    return this.page.locator('#lun-counts');
  }
  /** Types a search and waits until the table shows its answer (the filter runs after the keystroke's frame). */
  async searchFor(text: string): Promise<void> {
    await this.search().fill(text);
    await this.counts().filter({ hasText: `shown for “${text}”` }).waitFor();
  }
  /** The LUN table's scrolling frame (it scrolls both ways). */
  lunScroll(): Locator {
    return this.page.getByTestId('lun-table-scroll');
  }
  flatList(): Locator {
    return this.page.getByRole('button', { name: 'Flat list' });
  }
  manageColumns(): Locator {
    return this.page.getByRole('button', { name: 'Manage columns' });
  }
  exportCsv(): Locator {
    return this.page.getByRole('button', { name: 'Export CSV' });
  }
  /** The line under the table that shows the row the user is on, whole. */
  rowDetails(): Locator {
    return this.page.getByTestId('lun-row-details');
  }
  picked(): Locator {
    return this.page.getByTestId('selected-lun');
  }
  // LUN: a batch (decision 048)
  lunCheck(id: string): Locator {
    return this.lunRow(id).getByRole('checkbox', { name: new RegExp(`^Select LUN ${id} for the batch`) });
  }
  batchSummary(): Locator {
    return this.page.getByTestId('lun-batch-summary');
  }
  selectAllShown(): Locator {
    return this.page.getByRole('button', { name: /^Select all shown/ });
  }
  // Disk: a batch's names
  batchAlias(lunId: string): Locator {
    return this.page.getByRole('textbox', { name: `Alias of the disk on LUN ${lunId}` });
  }
  // Review and result of a batch
  batchItems(): Locator {
    return this.page.getByTestId('batch-item');
  }
  batchItem(lunId: string): Locator {
    return this.page.locator(`[data-testid="batch-item"][data-lun-id="${lunId}"]`);
  }
  batchCounts(): Locator {
    return this.page.getByTestId('batch-counts');
  }
  retryFailed(): Locator {
    return this.page.getByRole('button', { name: /^Retry failed/ });
  }
  // Disk
  alias(): Locator {
    return this.page.getByRole('textbox', { name: 'Alias' });
  }
  description(): Locator {
    return this.page.getByRole('textbox', { name: 'Description' });
  }
  interface(): Locator {
    return this.page.getByLabel('Interface');
  }
  option(label: string): Locator {
    return this.page.getByRole('checkbox', { name: label, exact: true });
  }
  // Review
  approve(): Locator {
    return this.page.getByRole('checkbox', { name: /^Approve operation/ });
  }
  restPreview(): Locator {
    return this.page.getByTestId('rest-preview');
  }
  /** The preview's language tabs: REST, curl, Ansible, Python. */
  codeTab(name: 'REST' | 'curl' | 'Ansible' | 'Python'): Locator {
    return this.page.getByRole('tab', { name, exact: true });
  }
  codeSnippet(lang: 'curl' | 'ansible' | 'python'): Locator {
    return this.page.getByTestId(`rest-preview-${lang}`);
  }
  plan(): Locator {
    return this.page.getByTestId('plan');
  }
  progress(): Locator {
    return this.page.getByRole('region', { name: 'Steps of the create' }).or(this.page.getByLabel('Steps of the create'));
  }
}

/** Every request the page sends to the engine API (method, path, parsed JSON body), in order. */
export function recordEngineRequests(page: Page): Array<{ method: string; path: string; body: unknown }> {
  const seen: Array<{ method: string; path: string; body: unknown }> = [];
  page.on('request', (r: Request) => {
    const url = new URL(r.url());
    if (!url.pathname.startsWith('/ovirt-engine/api/')) return;
    let body: unknown;
    try {
      body = r.postData() ? (JSON.parse(r.postData() ?? '') as unknown) : undefined;
    } catch {
      body = r.postData();
    }
    seen.push({ method: r.method(), path: `${url.pathname}${url.search}`, body });
  });
  return seen;
}
