// Drafts of what the user typed, in sessionStorage (this tab only), so a reload or a re-login loses nothing.
// Secret fields are never written (docs/decisions/003): the form says to type them again.
import { useCallback, useEffect, useRef } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { z } from 'zod';

const PREFIX = 'dlc.draft.';

export interface Draft<T> {
  values: Partial<T>;
  /** Where the user was (e.g. the wizard step). */
  step?: string | undefined;
  savedAt: number;
}

/**
 * How to read each field of a form's values back from a draft: its schema. Every field is named, so a field added
 * to the form and forgotten here is a type error; a secret field maps to undefined: it is never read back.
 */
export type DraftFields<T> = { readonly [K in keyof T]-?: z.ZodType<T[K]> | undefined };

// A step that is not a string only costs the step: the wizard then opens on its first one.
const draftEnvelope = z.object({
  values: z.record(z.string(), z.unknown()),
  step: z.string().optional().catch(undefined),
  savedAt: z.number(),
});

/** The stored fields that are known and of the right type; any other one is dropped, not the whole draft. */
function pickFields<T>(stored: Readonly<Record<string, unknown>>, fields: DraftFields<T>): Partial<T> {
  const out: Partial<T> = {};
  for (const key in fields) {
    if (!Object.hasOwn(stored, key)) continue;
    const read = fields[key]?.safeParse(stored[key]);
    if (read?.success) out[key] = read.data;
  }
  return out;
}

/**
 * The draft saved under this key, if any. Storage is not trusted (a draft of an older version of the form, or one
 * edited by hand): the envelope is parsed, and each value by its field's schema.
 */
export function loadDraft<T>(key: string, fields: DraftFields<T>): Draft<T> | undefined {
  try {
    const raw = sessionStorage.getItem(PREFIX + key);
    if (!raw) return undefined;
    const d = draftEnvelope.safeParse(JSON.parse(raw));
    if (!d.success) return undefined;
    return { values: pickFields(d.data.values, fields), step: d.data.step, savedAt: d.data.savedAt };
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
