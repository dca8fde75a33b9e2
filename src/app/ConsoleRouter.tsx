// Everything behind the login: the engine-version check, the router, the layout and the pages. Loaded only after
// login (App.tsx), so the login page's first load carries none of it (issue 15, decision 045).
// The console's words travel with it: loaded when this chunk is, before any page shows.
import '../i18n/catalog-console';
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { EngineVersionGate } from '../features/engine-version/EngineVersionGate';
import { createRouter } from './routes';

export default function ConsoleRouter() {
  const [router] = useState(createRouter);
  return (
    <EngineVersionGate>
      <RouterProvider router={router} />
    </EngineVersionGate>
  );
}
