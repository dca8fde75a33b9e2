// The layer rule must fail a forbidden import, and pass the allowed ones (the import graph of the whole tree is
// checked by `npm run lint` itself).
import path from 'node:path';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import layers from './layers.js';

const root = path.resolve(import.meta.dirname, '..');

function lint(file: string, code: string): string[] {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [{ files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tseslint.parser }, plugins: { layers }, rules: { 'layers/layers': 'error' } }],
    path.join(root, file),
  );
  return messages.map((m) => m.message);
}

describe('layers lint rule', () => {
  it.each([
    ['src/domain/x.ts', "import { a } from '../engine-api/hosts';", 'domain/ may import i18n; not engine-api/'],
    ['src/i18n/x.ts', "import { a } from '../domain/format';", 'i18n/ may import nothing outside itself; not domain/'],
    ['src/engine-api/x.ts', "import { a } from '../ui/ErrorAlert';", 'engine-api/ may import domain, i18n; not ui/'],
    ['src/ui/x.ts', "import { a } from '../flows/lun-disk/form';", 'not flows/'],
    ['src/flows/lun-disk/x.ts', "import { a } from '../../features/add-disk/AddDiskWizard';", 'not features/'],
    ['src/features/login/LoginPage.tsx', "import { a } from '../../app/engine-mode';", 'not app/'],
    ['src/features/add-disk/x.ts', "import { a } from '../attach-disk/form';", 'features never import each other (features/add-disk → features/attach-disk)'],
    ['src/features/add-disk/x.ts', "import { a } from '../../../mocks/emulator';", 'not mocks/'],
    ['mocks/engine/x.ts', "import { hostsQueryOptions } from '../../src/engine-api/hosts';", 'mocks/ may import domain, i18n; not engine-api/'],
    ['mocks/engine/x.ts', "import { ErrorAlert } from '../../src/ui/ErrorAlert';", 'not ui/'],
    ['src/ui/x.ts', "export { a } from '../app/routes';", 'not app/'],
  ])('refuses %s: %s', (file, code, message) => {
    const found = lint(file, code);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(message);
  });

  it.each([
    ['src/features/add-disk/x.ts', "import { a } from '../../flows/lun-disk/form';\nimport { b } from './form';"],
    ['src/domain/x.ts', "import { t } from '../i18n/i18n';"],
    ['mocks/panel/Panel.tsx', "import { t } from '../../src/i18n/i18n';"],
    ['src/app/routes.tsx', "import { a } from '../features/add-disk/AddDiskPage';"],
    ['src/flows/disk-attach/x.ts', "import { a } from '../../ui/ErrorAlert';\nimport { b } from '../../domain/model';"],
    ['mocks/engine/x.ts', "import type { Host } from '../../src/domain/model';\nimport type { HostWire } from '../../src/engine-api/hosts';"],
    ['mocks/panel/Panel.tsx', "import { EventTable } from '../../src/ui/EventTable';"],
    ['src/main.tsx', "const m = import('../mocks/emulated-mode');"],
    ['src/features/add-disk/AddDiskWizard.test.tsx', "import { startEngine } from '../../test/engine-harness';\nimport { createEngine } from '../../../mocks/emulator';"],
  ])('allows %s', (file, code) => {
    expect(lint(file, code)).toEqual([]);
  });
});
