import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { AuthGate } from './AuthGate';
import { EmulatedModeContext, type EmulatedMode } from '../ui/engine-mode';
import { createQueryClient } from './query-client';
import { createRouter } from './routes';

export function App({ emulated }: { emulated?: EmulatedMode | undefined }) {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createRouter);
  return (
    <EmulatedModeContext.Provider value={emulated}>
      <QueryClientProvider client={queryClient}>
        <AuthGate>
          <RouterProvider router={router} />
        </AuthGate>
      </QueryClientProvider>
    </EmulatedModeContext.Provider>
  );
}
