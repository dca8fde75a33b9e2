// Types for scripts/catalogs-plugin.mjs (plain JS, so that Node scripts can load it without a TypeScript loader).
import type { Plugin } from 'vite';

export declare function compileCatalog(source: string, file?: string): Record<string, unknown>;
export declare function catalogs(): Plugin;
