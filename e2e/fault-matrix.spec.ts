// The fault matrix (issue 12, deliverable 7): each row injects one fault into one operation — a lost answer after
// or before the engine acted, a reload mid-operation, a host crash mid-run, a 401 on each mutation, a 500 HTML page
// or a garbage 200, a slow engine — and checks both what the user reads and what the engine holds afterwards: no
// duplicate, nothing lost. The rows live in e2e/fault-matrix/; each opens its own console on its own scenario, so
// the rows run in parallel workers.
import { test } from './fixtures';
import { BODY_ROWS } from './fault-matrix/bodies';
import { INTERRUPTION_ROWS } from './fault-matrix/interruptions';
import { LOST_ROWS, type LostMode } from './fault-matrix/lost-answers';
import { SESSION_ROWS } from './fault-matrix/session-ends';

const LOST_MODES: Array<{ mode: LostMode; when: string }> = [
  { mode: 'lose-after', when: 'after the engine acted' },
  { mode: 'lose-before', when: 'before the engine acted' },
];

test.describe('fault matrix: a lost answer', () => {
  for (const row of LOST_ROWS) {
    for (const { mode, when } of LOST_MODES) {
      test(`${row.operation}: answer lost ${when}`, async ({ page }) => {
        await row.check(page, mode);
      });
    }
  }
});

test.describe('fault matrix: a reload or a host crash mid-operation', () => {
  for (const row of INTERRUPTION_ROWS) {
    test(row.fault, async ({ page }) => {
      await row.check(page);
    });
  }
});

test.describe('fault matrix: the session ends just before the click (401), the user logs in again in the dialog', () => {
  for (const row of SESSION_ROWS) {
    test(`401 on ${row.mutation}`, async ({ page }) => {
      await row.check(page);
    });
  }
});

test.describe('fault matrix: answers the console does not understand, and a slow engine', () => {
  for (const row of BODY_ROWS) {
    test(row.fault, async ({ page }) => {
      await row.check(page);
    });
  }
});
