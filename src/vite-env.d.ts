/// <reference types="vite/client" />

/** True in emulated mode: the MSW engine is loaded. Replaced at build time, so real builds drop that code. */
declare const __EMULATED__: boolean;
