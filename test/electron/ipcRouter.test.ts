import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { ok } from '../../electron/bridgeResult';
import { createIpcRouter, trustedSender } from '../../electron/ipcRouter';
import { RecordingLog } from './fakes/log';
import { appFrame, childFrame, FakeIpcMain } from './fakes/ipc';

const Payload = z.object({ name: z.string().trim().min(1) });

function setup() {
  const ipc = new FakeIpcMain();
  const log = new RecordingLog();
  const router = createIpcRouter(ipc, log);
  const seen: unknown[] = [];
  router.handle('test:call', Payload, (payload) => {
    seen.push(payload);
    return ok(`hello ${payload.name}`);
  });
  router.on('test:send', Payload, (payload) => {
    seen.push(payload);
  });
  return { ipc, log, seen };
}

/** Senders that are not the app's own top-level page. */
const strangers = [
  ['an iframe inside the app', childFrame('app://station/index.html')],
  ['a foreign page', appFrame('https://evil.example/')],
  ['a local file', appFrame('file:///work/main/dist/renderer/index.html')],
  ['a look-alike origin', appFrame('app://station.evil.example/index.html')],
  ['a disguised origin', appFrame('app://evil@station/index.html')],
  ['the old dev server', appFrame('http://localhost:4173/')],
  ['a frame that is gone', null],
] as const;

describe('the IPC router', () => {
  it('hands a parsed payload from the app’s own page to the handler and returns its result', async () => {
    const { ipc, seen } = setup();
    expect(await ipc.invoke(appFrame(), 'test:call', { name: '  Ada ' })).toEqual({ ok: true, value: 'hello Ada' });
    expect(seen).toEqual([{ name: 'Ada' }]);
  });

  it.each(strangers)('refuses %s, and the handler never runs', async (_label, frame) => {
    const { ipc, seen, log } = setup();
    expect(await ipc.invoke(frame, 'test:call', { name: 'Ada' })).toEqual({
      ok: false,
      error: { code: 'forbidden_sender', message: expect.any(String) as string },
    });
    ipc.send(frame, 'test:send', { name: 'Ada' });
    expect(seen).toEqual([]);
    expect(log.warnings()).toHaveLength(2);
  });

  it.each([
    ['nothing', []],
    ['a string', ['Ada']],
    ['the wrong shape', [{ name: 42 }]],
    ['an empty name', [{ name: '   ' }]],
    ['an extra argument', [{ name: 'Ada' }, { admin: true }]],
  ])('refuses %s as the payload, saying why', async (_label, args) => {
    const { ipc, seen } = setup();
    const answer = await ipc.invoke(appFrame(), 'test:call', ...args);
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    ipc.send(appFrame(), 'test:send', ...args);
    expect(seen).toEqual([]);
  });

  it('turns a handler’s exception into an answer, and logs it', async () => {
    const ipc = new FakeIpcMain();
    const log = new RecordingLog();
    const router = createIpcRouter(ipc, log);
    router.handle('test:throws', z.undefined(), () => {
      throw new Error('disk on fire');
    });
    router.handle('test:rejects', z.undefined(), () => Promise.reject(new Error('network on fire')));
    router.on('test:send-throws', z.undefined(), () => {
      throw new Error('worker on fire');
    });
    for (const channel of ['test:throws', 'test:rejects']) {
      const answer = await ipc.invoke(appFrame(), channel);
      expect(answer).toMatchObject({ ok: false, error: { code: 'internal_error' } });
      expect(JSON.stringify(answer)).not.toContain('fire');
    }
    expect(() => {
      ipc.send(appFrame(), 'test:send-throws');
    }).not.toThrow();
    expect(log.lines.filter((l) => l.level === 'error')).toHaveLength(3);
  });
});

describe('trusted senders', () => {
  it('are the top frame of an app page, whatever its route', () => {
    expect(trustedSender({ senderFrame: appFrame('app://station/index.html#/runs/R-12') })).toBe(true);
    expect(trustedSender({ senderFrame: appFrame('app://station/') })).toBe(true);
  });
  it.each(strangers)('exclude %s', (_label, frame) => {
    expect(trustedSender({ senderFrame: frame })).toBe(false);
  });
});
