// Builds review-gallery/index.html from the screenshots and captions `npm run gallery` wrote: first the feature
// page's UI notes, each with the pictures that show it (e2e/gallery/shoot.ts UI_NOTES), then every picture.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(process.cwd(), 'review-gallery');
const items = readdirSync(dir)
  .filter((f) => f.endsWith('.json') && f !== 'notes.json')
  .sort()
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
const notes = JSON.parse(readFileSync(join(dir, 'notes.json'), 'utf8'));
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

const missing = Object.keys(notes).filter((id) => !items.some((i) => (i.notes ?? []).includes(id)));
if (missing.length) {
  console.error(`review-gallery: no picture shows the UI note(s) ${missing.join(', ')}`);
  process.exitCode = 1;
}
const noteRows = Object.entries(notes)
  .map(([id, [said, done]]) => {
    const shots = items.filter((i) => (i.notes ?? []).includes(id));
    return `<tr><td>${esc(said)}</td><td>${esc(done)}</td><td>${shots.map((s) => `<a href="#${esc(s.name)}">${esc(s.name)}</a>`).join(', ')}</td></tr>`;
  })
  .join('\n');
const meta = (i) => [i.viewport, i.theme === 'dark' ? 'dark theme' : undefined].filter(Boolean).join(', ');
const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Direct LUN Console — review gallery</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:1500px}figure{margin:0 0 3rem}img{max-width:100%;border:1px solid #ccc}
figcaption{margin:.5rem 0;font-size:1.05rem}code{color:#555}table{border-collapse:collapse;margin-bottom:2rem}td,th{border:1px solid #ccc;padding:.4rem .6rem;text-align:left;vertical-align:top}
.meta{color:#555;font-size:.9rem}</style></head><body>
<h1>Direct LUN Console — review gallery</h1>
<p>${items.length} screens on the emulated engine, generated ${esc(new Date().toISOString())}. Each caption says what to look at.
Pictures are 1440×900 unless they say otherwise; the <code>09-</code> pictures show the main screens at 1280×800 and
1920×1080 (the window as a user sees it) and in the dark theme; the <code>10-</code> and <code>11-</code> pictures follow a
batch of LUN disks (eight for db01 with one failure and Retry failed; three for web01 made but not plugged, and Retry
plug), each the window as a user sees it, scrolled to what the caption names; the <code>12-pseudo-</code> pictures show
the main screens in the pseudo-locale (<code>?lang=pseudo</code>), where a word without ⟦brackets⟧ that is not the
engine's data did not come from a catalog.</p>
<h2>The feature page's UI notes</h2>
<table><thead><tr><th>The feature page says</th><th>The console</th><th>Shown in</th></tr></thead><tbody>
${noteRows}
</tbody></table>
<h2>Every screen</h2>
${items
  .map(
    (i) =>
      `<figure id="${esc(i.name)}"><figcaption><strong>${esc(i.name)}</strong> — ${esc(i.caption)} <code>${esc(i.url)}</code> <span class="meta">${esc(meta(i))}</span></figcaption><img src="${esc(i.name)}.png" alt="${esc(i.caption)}"></figure>`,
  )
  .join('\n')}
</body></html>`;
writeFileSync(join(dir, 'index.html'), html);
console.log(`review-gallery/index.html: ${items.length} screens, ${Object.keys(notes).length} UI notes`);
