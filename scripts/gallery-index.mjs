// Builds review-gallery/index.html from the screenshots and captions `npm run gallery` wrote.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(process.cwd(), 'review-gallery');
const items = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Direct LUN Console — review gallery</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:1500px}figure{margin:0 0 3rem}img{max-width:100%;border:1px solid #ccc}
figcaption{margin:.5rem 0;font-size:1.05rem}code{color:#555}</style></head><body>
<h1>Direct LUN Console — review gallery</h1>
<p>${items.length} screens on the emulated engine, generated ${esc(new Date().toISOString())}. Each caption says what to look at.</p>
${items
  .map((i) => `<figure id="${esc(i.name)}"><figcaption><strong>${esc(i.name)}</strong> — ${esc(i.caption)} <code>${esc(i.url)}</code></figcaption><img src="${esc(i.name)}.png" alt="${esc(i.caption)}"></figure>`)
  .join('\n')}
</body></html>`;
writeFileSync(join(dir, 'index.html'), html);
console.log(`review-gallery/index.html: ${items.length} screens`);
