import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { AuthGate } from './AuthGate';
import { EmulatedModeContext, type EmulatedMode } from '../ui/engine-mode';
import { PageLoading } from './PageLoading';
import { createQueryClient } from './query-client';

// The router, the layout and every page load after login: the login page's first load stays small (decision 045).
const ConsoleRouter = lazy(() => import('./ConsoleRouter'));

export function App({ emulated }: { emulated?: EmulatedMode | undefined }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <EmulatedModeContext.Provider value={emulated}>
      <QueryClientProvider client={queryClient}>
        <AuthGate>
          <Suspense fallback={<PageLoading />}>
            <ConsoleRouter />
          </Suspense>
        </AuthGate>
      </QueryClientProvider>
    </EmulatedModeContext.Provider>
  );
}
