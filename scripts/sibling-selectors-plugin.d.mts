// Types for scripts/sibling-selectors-plugin.mjs (plain JS, like the other build plugins).
import type { AcceptedPlugin } from 'postcss';

export declare function spareSelector(selector: string): string;
export declare function siblingSelectors(): AcceptedPlugin;
