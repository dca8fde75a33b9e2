import { describe, expect, it } from 'vitest';
import { aliasAfterLunChange, aliasInUseWarning, aliasProblem, descriptionProblem, engineDefaultAlias, suggestedAlias } from './disk-naming';

describe('alias rules', () => {
  it('accepts letters of any script, digits, dot, underscore and dash', () => {
    expect(aliasProblem('db01-redo_2.0', { required: true })).toBeUndefined();
    expect(aliasProblem('Sicherung-Ü', { required: true })).toBeUndefined();
    expect(aliasProblem('36001405abcdef', { required: true })).toBeUndefined();
  });
  it('refuses other characters, naming them', () => {
    expect(aliasProblem('my disk/1', { required: true })).toBe("Name can contain only alphanumeric, '.', '_' or '-' characters (not space, “/”).");
  });
  it('at most 255 characters', () => {
    expect(aliasProblem('a'.repeat(255), { required: true })).toBeUndefined();
    expect(aliasProblem('a'.repeat(256), { required: true })).toBe('Field content must not exceed 255 characters (it has 256).');
  });
  it('is required for a floating disk only', () => {
    expect(aliasProblem('', { required: true })).toMatch(/can't be empty/);
    expect(aliasProblem('', { required: false })).toBeUndefined();
  });
  it('suggests the LUN ID and replaces only an untouched suggestion', () => {
    expect(suggestedAlias('36001405aa')).toBe('36001405aa');
    expect(aliasAfterLunChange('', undefined, '3600b')).toBe('3600b');
    expect(aliasAfterLunChange('3600a', '3600a', '3600b')).toBe('3600b');
    expect(aliasAfterLunChange('my-disk', '3600a', '3600b')).toBe('my-disk');
  });
  it("knows the engine's default alias for a VM disk", () => {
    expect(engineDefaultAlias('db01', 3)).toBe('db01_Disk4');
  });
});

describe('description rules', () => {
  it('at most 500 characters, no control characters', () => {
    expect(descriptionProblem('Archive volume, 2 TiB — café')).toBeUndefined();
    expect(descriptionProblem('x'.repeat(500))).toBeUndefined();
    expect(descriptionProblem('x'.repeat(501))).toBe('Field content must not exceed 500 characters (it has 501).');
    expect(descriptionProblem('a\tb')).toMatch(/control characters/);
  });
});

describe('aliasInUseWarning', () => {
  const disks = [
    { id: 'a', alias: 'db01-redo' },
    { id: 'b', alias: 'archive-lun' },
  ];
  it('warns when another disk has the alias, saying why it matters', () => {
    expect(aliasInUseWarning('archive-lun', disks)).toBe(
      "Another disk is already called archive-lun. The engine allows it, but each disk's history finds the engine's events by alias, so both disks would show each other's events.",
    );
  });
  it('says nothing for a new alias, an empty one, the disk itself, or another case', () => {
    expect(aliasInUseWarning('archive-2', disks)).toBeUndefined();
    expect(aliasInUseWarning('', disks)).toBeUndefined();
    expect(aliasInUseWarning('archive-lun', disks, 'b')).toBeUndefined();
    expect(aliasInUseWarning('Archive-LUN', disks)).toBeUndefined();
  });
});
