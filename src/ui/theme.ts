// Light or dark: PatternFly's dark theme is the `pf-v6-theme-dark` class on <html> (its tokens switch under it).
// The console follows the operating system's preference unless the user picked one in the user menu; the choice is
// kept per browser (localStorage — a display preference, nothing secret).
import { useSyncExternalStore } from 'react';

export type ThemeChoice = 'system' | 'light' | 'dark';

const KEY = 'dlc.theme';
const DARK_CLASS = 'pf-v6-theme-dark';
const listeners = new Set<() => void>();

function systemPrefersDark(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches;
}

export function storedTheme(): ThemeChoice {
  try {
    const v = window.localStorage.getItem(KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system';
  }
}

/** Whether a choice shows the dark theme now. */
export function isDark(choice: ThemeChoice): boolean {
  return choice === 'dark' || (choice === 'system' && systemPrefersDark());
}

function apply() {
  document.documentElement.classList.toggle(DARK_CLASS, isDark(storedTheme()));
  for (const l of listeners) l();
}

export function setTheme(choice: ThemeChoice): void {
  try {
    if (choice === 'system') window.localStorage.removeItem(KEY);
    else window.localStorage.setItem(KEY, choice);
  } catch {
    // storage refused (private mode): the choice holds for this page only
  }
  current = choice;
  apply();
}

let current: ThemeChoice = 'system';

/** At boot, before the first render: the stored choice, and following the system while the choice is "system". */
export function startTheme(): void {
  current = storedTheme();
  apply();
  window.matchMedia?.('(prefers-color-scheme: dark)').addEventListener?.('change', apply);
}

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** The user's choice and whether the page is dark now. */
export function useTheme(): { choice: ThemeChoice; dark: boolean } {
  const dark = useSyncExternalStore(subscribe, () => document.documentElement.classList.contains(DARK_CLASS));
  const choice = useSyncExternalStore(subscribe, () => current);
  return { choice, dark };
}
