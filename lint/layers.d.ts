// Types for lint/layers.js (plain JS, so that eslint.config.js can load it without a TypeScript loader).
import type { ESLint, Rule } from 'eslint';

export declare const layersRule: Rule.RuleModule;
declare const plugin: ESLint.Plugin;
export default plugin;
