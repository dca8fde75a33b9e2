// js-yaml ships no types and is in node_modules only as a dependency of eslint; the request-as-code tests parse
// the Ansible snippets with it. Only the one function they use is declared.
declare module 'js-yaml' {
  export function load(text: string): unknown;
}
