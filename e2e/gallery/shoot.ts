import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

export const GALLERY_DIR = join(process.cwd(), 'review-gallery');

/** One picture of the gallery, with the caption a reviewer reads next to it. Names sort the gallery. */
export async function shoot(page: Page, name: string, caption: string, opts: { fullPage?: boolean } = {}) {
  mkdirSync(GALLERY_DIR, { recursive: true });
  // Let spinners and transitions settle: the gallery shows states, not animations.
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(GALLERY_DIR, `${name}.png`), fullPage: opts.fullPage ?? true, animations: 'disabled' });
  writeFileSync(join(GALLERY_DIR, `${name}.json`), JSON.stringify({ name, caption, url: new URL(page.url()).pathname + new URL(page.url()).search }));
}
