import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { enableReauthentication, session } from '../engine-api/session';
import { EngineVersionGate } from '../features/engine-version/EngineVersionGate';
import { LoginPage } from '../features/login/LoginPage';
import { ReloginModal } from '../features/login/ReloginModal';

/**
 * Anonymous: the login page. Logged in: the engine's version is read first (an engine older than 4.3 gets a page
 * saying so instead of the console). Expired (a 401 at any time): the page stays and a login form comes over it; the
 * requests that got the 401 wait and are sent again once the user has logged in.
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const s = useSyncExternalStore(session.subscribe, session.get);
  const queryClient = useQueryClient();
  useEffect(() => {
    enableReauthentication(true);
    return () => enableReauthentication(false);
  }, []);
  useEffect(() => {
    if (s.status === 'anonymous') queryClient.clear();
  }, [s.status, queryClient]);
  if (s.status === 'anonymous') return <LoginPage />;
  return (
    <>
      <EngineVersionGate>{children}</EngineVersionGate>
      {s.status === 'expired' ? <ReloginModal user={s.user} /> : null}
    </>
  );
}
