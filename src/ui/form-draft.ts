// Drafts of what the user typed, in sessionStorage (this tab only), so a reload or a re-login loses nothing.
// Secret fields are never written (docs/decisions/003): the form says to type them again.
import { useCallback, useEffect, useRef } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';

const PREFIX = 'dlc.draft.';

export interface Draft<T> {
  values: Partial<T>;
  /** Where the user was (e.g. the wizard step). */
  step?: string | undefined;
  savedAt: number;
}

export function loadDraft<T>(key: string): Draft<T> | undefined {
  try {
    const raw = sessionStorage.getItem(PREFIX + key);
    if (!raw) return undefined;
    const d = JSON.parse(raw) as Draft<T>;
    return d && typeof d === 'object' && d.values && typeof d.values === 'object' ? d : undefined;
  } catch {
    return undefined;
  }
}

export function saveDraft<T extends FieldValues>(key: string, values: T, secret: ReadonlyArray<keyof T>, step?: string): void {
  const copy: Partial<T> = { ...values };
  for (const k of secret) delete copy[k];
  try {
    sessionStorage.setItem(PREFIX + key, JSON.stringify({ values: copy, step, savedAt: Date.now() } satisfies Draft<T>));
  } catch {
    // A full or disabled storage only costs the draft.
  }
}

export function clearDraft(key: string): void {
  try {
    sessionStorage.removeItem(PREFIX + key);
  } catch {
    // nothing to clear
  }
}

/**
 * Saves the form (minus secrets) shortly after every change, and the step whenever it changes. Returns
 * `discard`, which deletes the draft for good (after success or an explicit cancel).
 */
export function useFormDraft<T extends FieldValues>(
  form: UseFormReturn<T>,
  key: string,
  secret: ReadonlyArray<keyof T>,
  step: string | undefined,
): () => void {
  const discarded = useRef(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const save = () => {
      timer = undefined;
      if (!discarded.current) saveDraft(key, form.getValues(), secret, step);
    };
    save();
    const sub = form.watch(() => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(save, 200);
    });
    window.addEventListener('pagehide', save);
    return () => {
      sub.unsubscribe();
      window.removeEventListener('pagehide', save);
      if (timer) {
        clearTimeout(timer);
        save();
      }
    };
  }, [form, key, secret, step]);
  return useCallback(() => {
    discarded.current = true;
    clearDraft(key);
  }, [key]);
}
