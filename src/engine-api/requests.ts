// A request described as data, so the same object is shown in the wizard's "equivalent REST request" preview
// (with secrets masked) and then sent. What the user reviews is what the engine receives.
import type { $ZodType, output } from 'zod/v4/core';
import { API_BASE, buildUrl, engineRequest, type Query } from './transport';

export interface EngineRequestSpec {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  query?: Query;
  body?: unknown;
}

export function sendSpec<S extends $ZodType>(spec: EngineRequestSpec, schema: S, correlationId?: string): Promise<output<S>> {
  return engineRequest({
    method: spec.method,
    path: spec.path,
    query: { ...spec.query, ...(correlationId ? { correlation_id: correlationId } : {}) },
    body: spec.body,
    schema,
  });
}

const SECRET_KEYS = new Set(['password', 'access_token', 'token']);

/** A deep copy with every secret replaced by asterisks, for display and copying. */
export function maskSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v: unknown) => maskSecrets(v));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEYS.has(k) && v ? '********' : maskSecrets(v);
    return out;
  }
  return value;
}

/** "POST /ovirt-engine/api/v4/disks" plus the masked JSON body, as a text block a user can copy. */
export function describeSpec(spec: EngineRequestSpec): string {
  const line = `${spec.method} ${buildUrl(spec.path, spec.query)}`;
  return spec.body === undefined ? line : `${line}\n${JSON.stringify(maskSecrets(spec.body), null, 2)}`;
}

export { API_BASE };

/** A fresh correlation id: tags the engine's jobs and events for one user operation (reference §2.2). */
export function newCorrelationId(prefix = 'dlc'): string {
  const rand = globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
  return `${prefix}-${rand}`.replace(/[^0-9a-zA-Z_-]/g, '').slice(0, 36);
}
