import { QueryClient } from '@tanstack/react-query';
import { isEngineError } from '../engine-api/errors';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        // Engine faults are answers, not glitches: retrying a 4xx shows the same error later. Network blips retry.
        retry: (count, error) => count < 2 && isEngineError(error) && error.kind === 'network',
        refetchOnWindowFocus: false,
        // No polling in a background tab (ui/polling.ts): TanStack Query's default, said here so it stays so.
        refetchIntervalInBackground: false,
      },
      mutations: { retry: false },
    },
  });
}
