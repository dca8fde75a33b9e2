// The console built for `npm run bench`'s naive baseline: the same app, with bench/naive-lun-table.tsx in place of
// the LUN table (src/flows/lun-disk/LunTable.tsx), so the bench runs the same steps on both. Never shipped: only
// scripts/bench-lun-table.mjs builds it (into dist-bench-naive/).
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig, type Plugin } from 'vite';
import base from '../vite.config';

function naiveLunTable(): Plugin {
  const naive = fileURLToPath(new URL('./naive-lun-table.tsx', import.meta.url));
  return {
    name: 'naive-lun-table',
    enforce: 'pre',
    resolveId(source, importer) {
      return source === './LunTable' && importer?.replaceAll('\\', '/').endsWith('src/flows/lun-disk/LunStep.tsx') ? naive : null;
    },
  };
}

export default defineConfig((env) => mergeConfig(base(env), { plugins: [naiveLunTable()] }));
