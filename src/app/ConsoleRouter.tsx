// Everything behind the login: the engine-version check, the router, the layout and the pages. Loaded only after
// login (App.tsx), so the login page's first load carries none of it (issue 15, decision 045).
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
