// Primitive wire schemas for the oVirt REST API v4 JSON format.
// The engine writes booleans and integers as JSON strings ("true", "10737418240") because its JAXB type
// adapters do (reference/engine-rest-api.md §1.1); dates are epoch-millisecond numbers. We also accept native
// JSON types, as the engine does on input, so a proxy that re-encodes values does not break the console.
import { z } from 'zod';

export const wireBool = z
  .union([z.boolean(), z.string().regex(/^(true|false)$/i, 'expected "true" or "false"')])
  .transform((v) => (typeof v === 'boolean' ? v : v.toLowerCase() === 'true'));

export const wireInt = z
  .union([z.number().int(), z.string().regex(/^-?\d+$/, 'expected an integer string')])
  .transform((v) => Number(v));

/** Epoch milliseconds; the engine sends a JSON number, tolerate a numeric string. */
export const wireTime = wireInt;

export const wireRef = z.object({ id: z.string(), href: z.string().optional() });

// ---- tolerance: one odd item never blanks a page (upstream audit F6) ------------------------------------------
// The engine grows: a newer one may send a status, a disk type or a field this console does not know (engine
// DiskStorageType has KUBERNETES(4), which T/DiskMapper.java map(DiskStorageType) turns into null, so such a disk
// comes without `storage_type`). A collection is therefore read item by item: an item that does not parse is
// left out and said once on the console (which collection, which item, which field — never a value), the others
// are kept; enums are open (`openEnum`): a value the console does not know reads as 'unknown'.

const warned = new Set<string>();

/** console.warn once per distinct message: lists are polled every few seconds, the log must not repeat itself. */
export function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(message);
}

/** Tests only: forget what was already said. */
export function resetWireWarnings(): void {
  warned.clear();
}

function itemName(raw: unknown, index: number): string {
  const id = typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'string' ? raw.id : undefined;
  return id ? `item ${index} (id ${id})` : `item ${index}`;
}

/**
 * An array read item by item: what parses is kept, what does not is dropped and named once in the log. Only the
 * issue's path and zod's message are logged — they name the field and what was expected, never the value sent.
 */
export function tolerantArray<T extends z.ZodType>(what: string, item: T) {
  return z.array(z.unknown()).transform((items) => {
    const out: z.output<T>[] = [];
    items.forEach((raw, index) => {
      const r = item.safeParse(raw);
      if (r.success) {
        out.push(r.data);
        return;
      }
      const issue = r.error.issues[0];
      const field = issue?.path.map(String).join('.') || '(the item itself)';
      warnOnce(`The engine's ${what} list: ${itemName(raw, index)} left out — ${field}: ${issue?.message ?? 'unreadable'}.`);
    });
    return out;
  });
}

/**
 * An enum that stays open: one of `values`, or 'unknown' for anything else (logged once, naming `what` and the
 * value — enum values are the engine's vocabulary, never user data or secrets).
 */
export function openEnum<const V extends readonly [string, ...string[]]>(values: V, what: string) {
  return z.string().transform((v): V[number] | 'unknown' => {
    const known = values.find((x) => x === v);
    if (known !== undefined) return known;
    warnOnce(`The engine sent ${what} "${v}", which this console does not know: shown as Unknown.`);
    return 'unknown';
  });
}

/**
 * A collection: `{"host": [...]}`, and `{}` when empty (the array key is missing, reference §1.2). Read item by
 * item (tolerantArray): one item the console cannot read is left out, not the whole answer.
 */
// The one named exception to the no-`as` rule (eslint.config.js): a computed key cannot be typed without it; zod
// checks the data itself.
/* eslint-disable @typescript-eslint/consistent-type-assertions */
type Tolerant<T extends z.ZodType> = ReturnType<typeof tolerantArray<T>>;

export function wireCollection<K extends string, T extends z.ZodType>(key: K, item: T) {
  return z
    .object({ [key]: tolerantArray(key, item).optional() } as Record<K, z.ZodOptional<Tolerant<T>>>)
    .transform((o) => (o as Record<K, z.output<T>[] | undefined>)[key] ?? []);
}

/** A list-valued attribute: `{"logical_units": {"logical_unit": [...]}}` — the wrapper or the array may be absent. */
export function wireList<K extends string, T extends z.ZodType>(key: K, item: T) {
  return z
    .object({ [key]: tolerantArray(key, item).optional() } as Record<K, z.ZodOptional<Tolerant<T>>>)
    .optional()
    .transform((o) => (o ? ((o as Record<K, z.output<T>[] | undefined>)[key] ?? []) : []));
}
/* eslint-enable @typescript-eslint/consistent-type-assertions */

/** An optional string the engine leaves out when empty; an empty string also means "not set". */
export const wireOptString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v === '' ? undefined : v));
