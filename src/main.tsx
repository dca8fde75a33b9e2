import '@patternfly/react-core/dist/styles/base.css';
// The login page's words, before any module that shows one (the console's come with it after login).
import './i18n/catalog-login';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import type { EmulatedMode } from './ui/engine-mode';
import { startTheme } from './ui/theme';

// Light or dark before anything is drawn (the system's preference, or the user's choice kept in this browser).
startTheme();

async function bootstrap() {
  let emulated: EmulatedMode | undefined;
  // __EMULATED__ is a build-time constant: in a real-engine build this branch, and the emulator, are dropped.
  if (__EMULATED__) {
    const { startEmulatedMode } = await import('../mocks/emulated-mode');
    emulated = await startEmulatedMode();
  }
  const root = document.getElementById('root');
  if (!root) throw new Error('no #root element');
  createRoot(root).render(
    <StrictMode>
      <App emulated={emulated} />
    </StrictMode>,
  );
}

void bootstrap();
