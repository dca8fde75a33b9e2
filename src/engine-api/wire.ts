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

/**
 * A collection: `{"host": [...]}`, and `{}` when empty (the array key is missing, reference §1.2).
 */
// The one named exception to the no-`as` rule (eslint.config.js): a computed key cannot be typed without it; zod
// checks the data itself.
/* eslint-disable @typescript-eslint/consistent-type-assertions */
export function wireCollection<K extends string, T extends z.ZodType>(key: K, item: T) {
  return z
    .object({ [key]: z.array(item).optional() } as Record<K, z.ZodOptional<z.ZodArray<T>>>)
    .transform((o) => (o as Record<K, z.output<T>[] | undefined>)[key] ?? []);
}

/** A list-valued attribute: `{"logical_units": {"logical_unit": [...]}}` — the wrapper or the array may be absent. */
export function wireList<K extends string, T extends z.ZodType>(key: K, item: T) {
  return z
    .object({ [key]: z.array(item).optional() } as Record<K, z.ZodOptional<z.ZodArray<T>>>)
    .optional()
    .transform((o) => (o ? ((o as Record<K, z.output<T>[] | undefined>)[key] ?? []) : []));
}
/* eslint-enable @typescript-eslint/consistent-type-assertions */

/** An optional string the engine leaves out when empty; an empty string also means "not set". */
export const wireOptString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v === '' ? undefined : v));
