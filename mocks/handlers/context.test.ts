// The emulated engine's request parsing: the scalar readers that accept the engine's string forms and native
// JSON alike (reference §1.1), query booleans (ParametersHelper, matrix form too), and the small search grammar
// the list handlers accept. A value the engine would refuse is an EngineFault with the engine's status and text.
import { describe, expect, it } from 'vitest';
import { EngineFault } from '../engine/messages';
import { bool, correlationId, int, obj, parseSearch, queryBool, readJson, searchMatch, str } from './context';

function fault(run: () => unknown): EngineFault {
  try {
    run();
  } catch (err) {
    if (err instanceof EngineFault) return err;
    throw err;
  }
  throw new Error('expected an EngineFault');
}

async function asyncFault(run: () => Promise<unknown>): Promise<EngineFault> {
  const err = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  if (err instanceof EngineFault) return err;
  throw new Error('expected an EngineFault');
}

const url = (path: string) => new URL(`https://engine.example${path}`);

describe('bool', () => {
  it('reads the engine\'s true forms in any case', () => {
    for (const v of ['true', 'TRUE', 'True', '1', 't', 'T', 'yes', 'YES', 'y', ' true ']) expect(bool(v), v).toBe(true);
  });

  it('reads the engine\'s false forms in any case', () => {
    for (const v of ['false', 'FALSE', '0', 'f', 'no', 'NO', 'n']) expect(bool(v), v).toBe(false);
  });

  it('takes native JSON booleans and numbers', () => {
    expect(bool(true)).toBe(true);
    expect(bool(false)).toBe(false);
    expect(bool(1)).toBe(true);
    expect(bool(2)).toBe(true);
    expect(bool(0)).toBe(false);
  });

  it('leaves an absent value (or one of another type) undefined', () => {
    expect(bool(undefined)).toBeUndefined();
    expect(bool(null)).toBeUndefined();
    expect(bool({})).toBeUndefined();
  });

  it('refuses any other string with a 400 and the engine\'s text', () => {
    const f = fault(() => bool('maybe'));
    expect(f).toMatchObject({ status: 400, reason: 'Invalid value', detail: 'Invalid boolean value: "maybe"' });
    expect(fault(() => bool('')).detail).toBe('Invalid boolean value: ""');
  });
});

describe('int', () => {
  it('reads integers as JSON numbers or strings', () => {
    expect(int(3260)).toBe(3260);
    expect(int('3260')).toBe(3260);
    expect(int(' 42 ')).toBe(42);
    expect(int('-1')).toBe(-1);
  });

  it('leaves an absent or empty value undefined', () => {
    expect(int(undefined)).toBeUndefined();
    expect(int(null)).toBeUndefined();
    expect(int('')).toBeUndefined();
  });

  it('refuses anything else with a 400', () => {
    expect(fault(() => int('12a'))).toMatchObject({ status: 400, reason: 'Invalid value', detail: 'Invalid integer value: "12a"' });
    expect(fault(() => int(1.5))).toMatchObject({ status: 400, detail: 'Invalid integer value: 1.5' });
    expect(fault(() => int(true))).toMatchObject({ status: 400, detail: 'Invalid integer value: true' });
  });
});

describe('str and obj', () => {
  it('str takes a string as is and a number as its text; anything else is absent', () => {
    expect(str('db01')).toBe('db01');
    expect(str('')).toBe('');
    expect(str(3260)).toBe('3260');
    expect(str(undefined)).toBeUndefined();
    expect(str(true)).toBeUndefined();
    expect(str({ id: 'x' })).toBeUndefined();
  });

  it('obj takes a plain object only', () => {
    const o = { id: 'x' };
    expect(obj(o)).toBe(o);
    expect(obj([o])).toBeUndefined();
    expect(obj(null)).toBeUndefined();
    expect(obj('x')).toBeUndefined();
    expect(obj(undefined)).toBeUndefined();
  });
});

describe('readJson', () => {
  const req = (body: string) => new Request('https://engine.example/ovirt-engine/api/vms', { method: 'POST', body });

  it('reads a JSON object; an empty body is an empty object', async () => {
    expect(await readJson(req('{"name":"db01","active":"true"}'))).toEqual({ name: 'db01', active: 'true' });
    expect(await readJson(req(''))).toEqual({});
    expect(await readJson(req('  \n'))).toEqual({});
  });

  it('refuses what is not a JSON object with the engine\'s 400', async () => {
    for (const body of ['{not json', '[1,2]', '"text"', 'null']) {
      const f = await asyncFault(() => readJson(req(body)));
      expect(f, body).toMatchObject({ status: 400, reason: 'Request syntactically incorrect.' });
    }
  });
});

describe('queryBool', () => {
  it('reads the query parameter in the engine\'s forms', () => {
    expect(queryBool(url('/api/x?detach_only=true'), 'detach_only', false)).toBe(true);
    expect(queryBool(url('/api/x?detach_only=FALSE'), 'detach_only', true)).toBe(false);
    expect(queryBool(url('/api/x?detach_only=0'), 'detach_only', true)).toBe(false);
    expect(queryBool(url('/api/x?detach_only=yes'), 'detach_only', false)).toBe(true);
  });

  it('counts an empty value as true', () => {
    expect(queryBool(url('/api/x?detach_only='), 'detach_only', false)).toBe(true);
    expect(queryBool(url('/api/x?detach_only'), 'detach_only', false)).toBe(true);
  });

  it('reads the matrix form on the path, with or without a value', () => {
    expect(queryBool(url('/api/vms/1/diskattachments/2;detach_only=false'), 'detach_only', true)).toBe(false);
    expect(queryBool(url('/api/vms/1/diskattachments/2;detach_only=true'), 'detach_only', false)).toBe(true);
    expect(queryBool(url('/api/vms/1/diskattachments/2;detach_only'), 'detach_only', false)).toBe(true);
    expect(queryBool(url('/api/vms/1/diskattachments/2;other=1;detach_only=false'), 'detach_only', true)).toBe(false);
  });

  it('takes the default when the parameter is absent', () => {
    expect(queryBool(url('/api/x'), 'detach_only', true)).toBe(true);
    expect(queryBool(url('/api/x?other=false'), 'detach_only', false)).toBe(false);
    expect(queryBool(url('/api/x;detach_onlyx=false'), 'detach_only', true)).toBe(true);
  });

  it('refuses a value that is no boolean', () => {
    expect(fault(() => queryBool(url('/api/x?detach_only=maybe'), 'detach_only', true))).toMatchObject({ status: 400, detail: 'Invalid boolean value: "maybe"' });
  });
});

describe('correlationId', () => {
  const req = (headers: Record<string, string> = {}) => new Request('https://engine.example/ovirt-engine/api/vms', { headers });

  // CurrentFilter.java:74-83: the header first, then the query parameter.
  it('takes the Correlation-Id header first, then the query parameter', () => {
    expect(correlationId(req({ 'Correlation-Id': 'from-header' }), url('/api/vms?correlation_id=from-query'))).toBe('from-header');
    expect(correlationId(req(), url('/api/vms?correlation_id=from-query'))).toBe('from-query');
    expect(correlationId(req({ 'Correlation-Id': 'from-header' }), url('/api/vms'))).toBe('from-header');
    expect(correlationId(req(), url('/api/vms'))).toBeUndefined();
  });

  it('falls back to the query parameter when the header has nothing left after cleaning', () => {
    expect(correlationId(req({ 'Correlation-Id': '...' }), url('/api/vms?correlation_id=from-query'))).toBe('from-query');
  });

  it('keeps letters, digits, "_" and "-" only, at most 36 of them', () => {
    expect(correlationId(req(), url('/api/vms?correlation_id=a.b%20c/d_e-f'))).toBe('abcd_e-f');
    expect(correlationId(req(), url(`/api/vms?correlation_id=${'x'.repeat(40)}`))).toBe('x'.repeat(36));
  });
});

describe('the search grammar of the list handlers', () => {
  it('no search, or a blank one, is no term', () => {
    expect(parseSearch(null, ['name'])).toEqual([]);
    expect(parseSearch('', ['name'])).toEqual([]);
    expect(parseSearch('   ', ['name'])).toEqual([]);
  });

  it('reads field=value terms, the field in any case', () => {
    expect(parseSearch('correlation_id=abc-123', ['correlation_id', 'status'])).toEqual([['correlation_id', 'abc-123']]);
    expect(parseSearch('name=db*', ['name'])).toEqual([['name', 'db*']]);
    expect(parseSearch('Name = db01', ['name'])).toEqual([['name', 'db01']]);
    expect(parseSearch('disk_type=lun', ['disk_type'])).toEqual([['disk_type', 'lun']]);
  });

  it('reads and drops SORTBY and PAGE (the VM portal sends "SORTBY NAME ASC page 1")', () => {
    expect(parseSearch('SORTBY NAME ASC page 1', ['name'])).toEqual([]);
    expect(parseSearch('name=db* sortby name desc', ['name'])).toEqual([['name', 'db*']]);
    expect(parseSearch('name=db* page 2', ['name'])).toEqual([['name', 'db*']]);
  });

  it('takes a quoted value without its quotes', () => {
    expect(parseSearch('message="VM db01 started"', ['message'])).toEqual([['message', 'VM db01 started']]);
  });

  it('joins terms with "and", in any case', () => {
    expect(parseSearch('name=db* and status=up', ['name', 'status'])).toEqual([['name', 'db*'], ['status', 'up']]);
    expect(parseSearch('correlation_id=c1 AND severity=error and event_vm=db01', ['correlation_id', 'severity', 'event_vm'])).toEqual([
      ['correlation_id', 'c1'],
      ['severity', 'error'],
      ['event_vm', 'db01'],
    ]);
  });

  it('refuses a field the handler does not support, or a term without "=", with a 400', () => {
    const f = fault(() => parseSearch('cluster=Default', ['name', 'status']));
    expect(f).toMatchObject({ status: 400, reason: 'Operation Failed', detail: "Invalid search text: 'cluster=Default'. Supported here: name, status." });
    expect(fault(() => parseSearch('db01', ['name'])).detail).toBe("Invalid search text: 'db01'. Supported here: name.");
    // The engine has OR too; the emulator refuses it plainly instead of misreading it.
    expect(fault(() => parseSearch('name=a or name=b', ['name'])).detail).toBe("Invalid search text: 'name=a or name=b'. The emulated engine supports AND only.");
  });

  it('matches values case-insensitively with * wildcards, other characters literally', () => {
    expect(searchMatch('db01', 'db*')).toBe(true);
    expect(searchMatch('DB01', 'db01')).toBe(true);
    expect(searchMatch('app01', 'db*')).toBe(false);
    expect(searchMatch('db01', 'db')).toBe(false);
    expect(searchMatch('x-db01', '*db*')).toBe(true);
    expect(searchMatch('db01', 'db.1')).toBe(false);
    expect(searchMatch('db.1', 'db.1')).toBe(true);
    expect(searchMatch(undefined, '*')).toBe(false);
  });
});
