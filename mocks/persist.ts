// What of the emulated engine's state goes into the tab's sessionStorage: everything but secrets. Tokens are
// dropped (the console keeps its token in memory only, so after a reload it logs in again anyway); passwords —
// the demo user's, the lab targets' CHAP secrets, and any CHAP password a user typed into a create request —
// are replaced by what can be rebuilt from the scenario, so devtools shows no secret (decision 004).
import type { EmConnection, EmState, EmTarget } from './engine/state';
import { buildScenario } from './scenarios';

/** A stored connection: instead of its password, whether that password was the target's CHAP secret. */
type StoredConnection = Omit<EmConnection, 'password'> & { chapMatchesTarget?: boolean };

export type StoredState = Omit<EmState, 'tokens' | 'users' | 'connections' | 'targets'> & {
  connections: StoredConnection[];
  targets: Array<Omit<EmState['targets'][number], 'chap'> & { chap?: { username: string } }>;
};

/** Stands for a stored password that was not the target's secret (every wrong password fails alike). */
const WRONG_SECRET = '\u0000wrong';

export function toStored(state: EmState): StoredState {
  const { tokens: _tokens, users: _users, connections, targets, ...rest } = state;
  return {
    ...rest,
    connections: connections.map(({ password, ...c }) => {
      const t = targets.find((x) => x.iqn === c.target);
      return password === undefined ? c : { ...c, chapMatchesTarget: !!t?.chap && t.chap.password === password && t.chap.username === c.username };
    }),
    targets: targets.map(({ chap, ...t }) => (chap ? { ...t, chap: { username: chap.username } } : t)),
  };
}

export function fromStored(stored: StoredState): EmState {
  const scenario = buildScenario(stored.scenario);
  const secretOf = (iqn: string) => scenario.targets.find((t) => t.iqn === iqn)?.chap?.password;
  const targets: EmTarget[] = stored.targets.map(({ chap, ...t }) => {
    const password = secretOf(t.iqn);
    return chap && password !== undefined ? { ...t, chap: { username: chap.username, password } } : { ...t };
  });
  return {
    ...stored,
    users: scenario.users,
    tokens: [],
    targets,
    connections: stored.connections.map(({ chapMatchesTarget, ...c }) => {
      if (chapMatchesTarget === undefined) return c;
      const secret = chapMatchesTarget ? targets.find((t) => t.iqn === c.target)?.chap?.password : undefined;
      return { ...c, password: secret ?? WRONG_SECRET };
    }),
  };
}
