import { describe, expect, it } from 'vitest';
import { apiRootWire } from './api-root';

describe('apiRootWire', () => {
  it('reads product_info.version as the engine sends it (strings)', () => {
    const root = {
      product_info: {
        name: 'oVirt Engine', vendor: 'ovirt.org', instance_id: 'x',
        version: { build: '6', full_version: '4.5.6-1.el8', major: '4', minor: '5', revision: '0' },
      },
      special_objects: {},
      time: 1764921600000,
    };
    expect(apiRootWire.parse(root)).toEqual({ name: 'oVirt Engine', version: { major: 4, minor: 5, build: 6, revision: 0 }, fullVersion: '4.5.6-1.el8' });
  });
  it('an engine without product_info (no ProductRPMVersion, BackendApiResource.addSystemVersion) or with an odd version reads as "unknown", not as a failure', () => {
    expect(apiRootWire.parse({ special_objects: {} })).toEqual({ name: undefined, version: undefined, fullVersion: undefined });
    expect(apiRootWire.parse({ product_info: { name: 'oVirt Engine', version: { major: 'four' } } })).toMatchObject({ name: 'oVirt Engine', version: undefined });
  });
});
