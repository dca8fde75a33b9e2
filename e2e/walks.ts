// Walks through the console that several specs need to reach the state they test, written once.
import { expect, type Page } from '@playwright/test';
import { freeLun } from './engine-state';
import { AddDiskWizard, LAB } from './pages/add-disk-wizard';

export interface FloatingWalk {
  /** The target behind portal A whose free LUN is picked. */
  target: string;
  /** Discover with the lab's CHAP credentials. */
  chap: boolean;
  /** Log in to the target (false: host1 is logged in already). */
  logIn: boolean;
  alias: string;
  description: string;
}

/** Disks → New disk (floating) on host1 → portal A → the target → a free LUN → alias, description → Review. */
export async function floatingToReview(page: Page, opts: FloatingWalk): Promise<string> {
  const w = new AddDiskWizard(page);
  await expect(w.host().locator('option:checked')).toHaveText('host1');
  await w.advance();
  await w.address().fill(LAB.portalA);
  if (opts.chap) {
    await w.chapUsername().fill(LAB.chap.username);
    await w.chapPassword().fill(LAB.chap.password);
  }
  await w.discover().click();
  await expect(page.getByText('Found 3 targets at 10.35.1.72:3260.')).toBeVisible();
  if (opts.logIn) await w.targetRow(opts.target).getByRole('button', { name: `Log in to ${opts.target}` }).click();
  await expect(w.targetRow(opts.target)).toContainText('Logged in');
  await w.advance();
  const lunId = await freeLun(page, opts.target);
  await w.lunRow(lunId).click();
  await expect(w.picked()).toContainText(lunId);
  await w.advance();
  await w.alias().fill(opts.alias);
  await w.description().fill(opts.description);
  await w.advance();
  await expect(w.heading()).toHaveText('Review');
  await expect(w.plan()).toContainText(`Creates the floating disk ${opts.alias} from LUN ${lunId}`);
  return lunId;
}
