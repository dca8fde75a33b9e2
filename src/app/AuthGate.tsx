import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { enableReauthentication, session } from '../engine-api/session';
import { LoginPage } from '../features/login/LoginPage';

// The re-login dialog is code the login page never needs: loaded after login, before any session can end.
const loadReloginModal = () => import('../features/login/ReloginModal');
const ReloginModal = lazy(() => loadReloginModal().then((m) => ({ default: m.ReloginModal })));

/**
 * Anonymous: the login page. Logged in: the console (ConsoleRouter, which first reads the engine's version).
 * Expired (a 401 at any time): the page stays and a login form comes over it; the
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
    else void loadReloginModal();
  }, [s.status, queryClient]);
  if (s.status === 'anonymous') return <LoginPage />;
  return (
    <>
      {children}
      {s.status === 'expired' ? (
        <Suspense fallback={null}>
          <ReloginModal user={s.user} />
        </Suspense>
      ) : null}
    </>
  );
}
