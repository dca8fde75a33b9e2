// Types for scripts/has-selectors-plugin.mjs (plain JS, like the other build plugins).
import type { AcceptedPlugin } from 'postcss';

export declare function toggleSelector(selector: string): string;
export declare function hasSelectors(): AcceptedPlugin;
