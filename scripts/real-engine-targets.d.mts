export interface RealEngineTarget {
  name: 'prod-newest' | 'prod-4.4' | 'dev-proxy';
  serve: 'preview' | 'dev';
  engineVersion: string;
  consolePort: number;
  enginePort: number;
}
export declare const REAL_ENGINE_TARGETS: RealEngineTarget[];
