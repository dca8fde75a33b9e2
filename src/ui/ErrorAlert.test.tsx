// What a user reads when an engine call fails: the engine's fault with its status once; an answer the console does
// not understand in the console's own words, the status once, and what came back behind "What came back".
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { EngineError } from '../engine-api/errors';
import { hostListWire } from '../engine-api/hosts';
import { engineRequest } from '../engine-api/transport';
import { ErrorAlert } from './ErrorAlert';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  vi.restoreAllMocks();
});
afterAll(() => server.close());

/** The error the transport makes of this answer to GET /hosts. */
async function errorFor(answer: () => Response): Promise<unknown> {
  server.use(http.get('*/ovirt-engine/api/v4/hosts', answer));
  return engineRequest({ path: '/hosts', schema: hostListWire }).then(
    () => new Error('the request succeeded'),
    (e: unknown) => e,
  );
}

function renderAlert(error: unknown) {
  render(<ErrorAlert title="Loading hosts failed" error={error} />);
  const alert = screen.getByRole('heading', { name: /Loading hosts failed/ }).closest('.pf-v6-c-alert');
  if (!(alert instanceof HTMLElement)) throw new Error('no alert');
  return alert;
}

const count = (text: string | null, s: string) => (text ?? '').split(s).length - 1;

describe('ErrorAlert', () => {
  it('a fault of the engine: its words and the status once, nothing to disclose', async () => {
    const e = await errorFor(() => HttpResponse.json({ reason: 'Operation Failed', detail: '[Cannot add Virtual Disk. The provided lun is used by another disk.]' }, { status: 409 }));
    const alert = renderAlert(e);
    // The engine's words (marked as the engine's: translate="no"), then the status, in one paragraph.
    const words = within(alert).getByText(/provided lun/);
    expect(words).toHaveAttribute('translate', 'no');
    expect(words.closest('p')).toHaveTextContent(/^Cannot add Virtual Disk\. The provided lun is used by another disk\. \(HTTP 409\)$/);
    expect(count(alert.textContent, '409')).toBe(1);
    expect(within(alert).queryByRole('button', { name: 'What came back' })).toBeNull();
  });

  const cases: ReadonlyArray<{ name: string; answer: () => Response; status: string; message: RegExp; details: RegExp }> = [
    {
      name: '200 with an HTML page',
      answer: () => new HttpResponse('<!DOCTYPE html><html><title>Sign in</title></html>', { status: 200, headers: { 'Content-Type': 'text/html' } }),
      status: '200',
      message: /GET \/hosts answered HTTP 200 with an HTML page \(text\/html\)/,
      details: /^The answer began:<!DOCTYPE html><html><title>Sign in<\/title><\/html>$/,
    },
    {
      name: '200 with truncated JSON',
      answer: () => new HttpResponse('{"host": [{"id": "1"', { status: 200, headers: { 'Content-Type': 'application/json' } }),
      status: '200',
      message: /GET \/hosts answered HTTP 200 with JSON that does not parse/,
      details: /^The answer began:\{"host": \[\{"id": "1"$/,
    },
    {
      name: '200 with JSON of the wrong shape',
      // A collection of the wrong shape as a whole (one odd item is left out instead, engine-api/wire.ts).
      answer: () => HttpResponse.json({ host: 'sleeping' }),
      status: '200',
      message: /GET \/hosts answered HTTP 200 with JSON the console cannot read \(at host\)/,
      details: /^Not as expected: host: .+The answer began:\{"host":"sleeping"\}$/,
    },
    {
      name: '500 with an HTML page',
      answer: () => new HttpResponse('<html><body><h1>Internal Server Error</h1></body></html>', { status: 500, headers: { 'Content-Type': 'text/html' } }),
      status: '500',
      message: /GET \/hosts answered HTTP 500 Internal Server Error with an HTML page/,
      details: /^The answer began:<html><body><h1>Internal Server Error<\/h1><\/body><\/html>$/,
    },
    {
      name: '502 with an empty body',
      answer: () => new HttpResponse(null, { status: 502 }),
      status: '502',
      message: /GET \/hosts answered HTTP 502 Bad Gateway with an empty body/,
      details: /^The answer had no body\.$/,
    },
  ];

  it.each(cases)('$name: the console\'s own words, the status once, the body\'s start behind "What came back"', async ({ answer, status, message, details }) => {
    const e = await errorFor(answer);
    expect(e).toBeInstanceOf(EngineError);
    const alert = renderAlert(e);
    const text = within(alert).getByText(/^The engine sent an answer the console does not understand: /);
    expect(text).toHaveTextContent(message);
    expect(text.textContent).not.toMatch(/\(HTTP/);
    expect(count(text.textContent, status)).toBe(1);
    // Closed until asked for; then the region holds what came back.
    const toggle = within(alert).getByRole('button', { name: 'What came back' });
    const region = within(alert).getByRole('region', { hidden: true });
    expect(region).not.toBeVisible();
    await userEvent.click(toggle);
    expect(region).toBeVisible();
    expect(region.textContent).toMatch(details);
    expect(count(alert.textContent?.replace(region.textContent ?? '', ''), status)).toBe(1);
  });

  it('never shows a password or token the answer carried', async () => {
    const e = await errorFor(() => new HttpResponse('<form><input type="password" name="password" value="hunter2"></form> access_token=tok-abc', { status: 503, headers: { 'Content-Type': 'text/html' } }));
    const alert = renderAlert(e);
    await userEvent.click(within(alert).getByRole('button', { name: 'What came back' }));
    expect(within(alert).getByRole('region')).toHaveTextContent(/value=•••/);
    expect(document.body.innerHTML).not.toMatch(/hunter2|tok-abc/);
  });
});
