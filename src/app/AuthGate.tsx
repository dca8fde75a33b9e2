import { useQueryClient } from '@tanstack/react-query';
import { Bullseye, Spinner } from '@patternfly/react-core';
import { lazy, Suspense, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { enableReauthentication, session } from '../engine-api/session';
import { resumeSession } from '../engine-api/sso';
import { LoginPage } from '../features/login/LoginPage';
import { t } from '../i18n/i18n';

// The re-login dialog is code the login page never needs: loaded after login, before any session can end.
const loadReloginModal = () => import('../features/login/ReloginModal');
const ReloginModal = lazy(() => loadReloginModal().then((m) => ({ default: m.ReloginModal })));

/**
 * First, once per page: "Signing in…" while the console asks the engine whether this browser is still signed in
 * through its cookie session (decision 046) — so a reload or a new tab never flashes the login page.
 * Anonymous: the login page. Logged in: the console (ConsoleRouter, which first reads the engine's version).
 * Expired (a 401 at any time): the page stays and a login form comes over it; the
 * requests that got the 401 wait and are sent again once the user has logged in.
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const s = useSyncExternalStore(session.subscribe, session.get);
  const queryClient = useQueryClient();
  const [probing, setProbing] = useState(() => session.get().status === 'anonymous');
  useEffect(() => {
    if (!probing) return undefined; // signed in already (a login in this page): nothing to ask
    let live = true;
    // Memoised in sso.ts: StrictMode's second effect and a remount wait on the same single probe.
    void resumeSession().finally(() => {
      if (live) setProbing(false);
    });
    return () => {
      live = false;
    };
    // Once, at mount: the probe is for the page's boot, not for later changes of the session.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    enableReauthentication(true);
    return () => enableReauthentication(false);
  }, []);
  useEffect(() => {
    if (s.status === 'anonymous') queryClient.clear();
    else void loadReloginModal();
  }, [s.status, queryClient]);
  if (s.status === 'anonymous' && probing) return <Waiting text={t('login.boot.signingIn')} />;
  if (s.status === 'anonymous') return <LoginPage />;
  if (s.status === 'ending') return <Waiting text={t('login.boot.loggingOut')} />;
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

/** The whole page while the engine is asked (signing in at boot, logging out): a spinner and what it waits for. */
function Waiting({ text }: { text: string }) {
  return (
    <Bullseye style={{ minHeight: '50vh' }}>
      <div role="status">
        <Spinner size="lg" aria-hidden="true" /> <span>{text}</span>
      </div>
    </Bullseye>
  );
}
