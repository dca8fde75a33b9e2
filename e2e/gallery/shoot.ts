import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';

export const GALLERY_DIR = join(process.cwd(), 'review-gallery');

/**
 * The UI notes of the feature page (../shared/seed/direct-lun-feature-page.txt, "The following UI mockups contain
 * guidelines…"), each with what the console does about it. A picture names the notes it shows; the gallery's index
 * lists every note with its pictures, so a reviewer checks the console against the mockup notes in one page.
 */
export const UI_NOTES = {
  description: ['Add description to the object in the UI.', 'Description is shown wherever disks are listed, and asked for when one is made.'],
  'no-import': ['Change the import term in the UI.', 'No "Import" anywhere: "Add Direct LUN disk", "Create from LUN", "Attach".'],
  'no-user-auth': ['User auth click should be removed.', 'No "User Authentication" checkbox: the CHAP user name and password are optional fields, used when filled.'],
  'attach-in-vm': ['Attach and detach should be part of the VM interface.', "The VM's Disks tab has New disk and Attach; each attachment's menu has Edit, Activate, Deactivate, Detach."],
  'image-direct-lun': ['Internal and External should change to different names.', 'Disk types read Image and Direct LUN.'],
  sharable: ['Shared should be changed to Sharable.', 'Sharable, in lists, forms and reviews.'],
  'used-grayed': ['No filter on the LUNs, used disks may be grayed out.', 'Used LUNs (and disks that cannot be attached) stay listed, grayed, with the reason and a way to what uses them.'],
} as const;

export type UiNote = keyof typeof UI_NOTES;

interface ShootOptions {
  fullPage?: boolean;
  /** The feature page's UI notes this picture shows. */
  notes?: UiNote[];
  /** The group of the index it belongs to (default: the story). */
  group?: string;
}

/** One picture of the gallery, with the caption a reviewer reads next to it. Names sort the gallery. */
export async function shoot(page: Page, name: string, caption: string, opts: ShootOptions = {}) {
  mkdirSync(GALLERY_DIR, { recursive: true });
  writeFileSync(join(GALLERY_DIR, 'notes.json'), JSON.stringify(UI_NOTES));
  // Let spinners and transitions settle: the gallery shows states, not animations.
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(GALLERY_DIR, `${name}.png`), fullPage: opts.fullPage ?? true, animations: 'disabled' });
  const viewport = page.viewportSize();
  const dark = await page.evaluate(() => document.documentElement.classList.contains('pf-v6-theme-dark'));
  writeFileSync(
    join(GALLERY_DIR, `${name}.json`),
    JSON.stringify({
      name,
      caption,
      url: new URL(page.url()).pathname + new URL(page.url()).search,
      viewport: viewport ? `${viewport.width}×${viewport.height}` : undefined,
      theme: dark ? 'dark' : 'light',
      notes: opts.notes ?? [],
    }),
  );
}

/**
 * Playwright scrolls a button into view before it clicks, and may scroll the drawer's overflow-hidden box sideways to
 * do so (a user's click never does): put it back, so the picture shows the window a user has.
 */
export async function unshift(page: Page) {
  await page.evaluate(() => document.querySelectorAll('.pf-v6-c-drawer__main').forEach((el) => (el.scrollLeft = 0)));
}

/**
 * Scrolls the page's pane so that `target` starts near its top: the pictures (the window, not the whole page — the
 * console scrolls inside its main pane, so a full-page picture adds nothing) show what a user scrolls to.
 */
export async function scrollToTop(target: Locator) {
  await unshift(target.page());
  // Only the pane that scrolls vertically moves (scrollIntoView would also shift overflow-hidden layout boxes sideways).
  await target.evaluate((el) => {
    let pane = el.parentElement;
    while (pane && !(/(auto|scroll)/.test(getComputedStyle(pane).overflowY) && pane.scrollHeight > pane.clientHeight)) pane = pane.parentElement;
    const scroller = pane ?? document.scrollingElement;
    if (!scroller) return;
    scroller.scrollTop += el.getBoundingClientRect().top - scroller.getBoundingClientRect().top - 16;
  });
}
