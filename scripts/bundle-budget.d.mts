import type { Plugin } from 'vite';
export interface FirstLoadRow {
  name: string;
  js: number;
  css: number;
  over: boolean;
  budgeted: boolean;
  chunks: string[];
  largest: Array<{ module: string; gzKB: number }>;
}
export declare const BUDGETS: { js: number; css: number };
export declare function formatReport(rows: FirstLoadRow[]): string;
export declare function bundleBudget(opts?: { onReport?: (rows: FirstLoadRow[]) => void }): Plugin;
