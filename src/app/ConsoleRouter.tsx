// Everything behind the login: the engine-version check, the router, the layout and the pages. Loaded only after
// login (App.tsx), so the login page's first load carries none of it (issue 15, decision 045).
// The console's words travel with it: loaded when this chunk is, before any page shows.
import '../i18n/catalog-console';
import { useEffect, useState } from 'react';
import { RouterProvider } from 'react-router';
import { EngineVersionGate } from '../features/engine-version/EngineVersionGate';
import { createRouter } from './routes';

/**
 * PatternFly's monospace face (LUN IDs, IQNs, disk IDs) is fetched only when text first uses it, with
 * `font-display: fallback`: the first LUN table drew its IDs invisible for up to 100 ms, then laid the whole page out
 * again when the font came (a Chromium trace of Next → the LUN step: RedHatMonoVF requested on Next, then a
 * 865-of-865-object layout). Fetched once the console is in, while the user reads the first page.
 */
function useMonospaceFontEarly() {
  useEffect(() => {
    const fonts = typeof document === 'undefined' ? undefined : document.fonts;
    if (!fonts) return;
    const id = setTimeout(() => void fonts.load('400 1em "Red Hat Mono"').catch(() => undefined), 0);
    return () => clearTimeout(id);
  }, []);
}

export default function ConsoleRouter() {
  const [router] = useState(createRouter);
  useMonospaceFontEarly();
  return (
    <EngineVersionGate>
      <RouterProvider router={router} />
    </EngineVersionGate>
  );
}
