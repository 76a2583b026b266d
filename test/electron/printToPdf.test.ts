import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channels, type BridgeResult, type StationBridge } from '../../shared/bridge/contract';
import { createStationBridge } from '../../electron/bridge';
import { createIpcRouter } from '../../electron/ipcRouter';
import { registerPrintHandler } from '../../electron/printToPdf';
import { appFrame, childFrame, FakeIpcMain, FakeIpcRenderer } from './fakes/ipc';
import { RecordingLog } from './fakes/log';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lockstep-print-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const pdfBytes = new TextEncoder().encode('%PDF-1.7 a batch record');

/** Main's print handler over fake Electron edges (dialog, webContents) and the real disk. */
function setup(options: { chosen?: string | null; pdfFails?: boolean } = {}) {
  const main = new FakeIpcMain();
  const log = new RecordingLog();
  const asked: string[] = [];
  let rendered = 0;
  registerPrintHandler(createIpcRouter(main, log), {
    chooseSavePath: (suggestedName) => {
      asked.push(suggestedName);
      return Promise.resolve(options.chosen === undefined ? path.join(dir, suggestedName) : options.chosen);
    },
    pageToPdf: () => {
      rendered += 1;
      return options.pdfFails ? Promise.reject(new Error('renderer gone')) : Promise.resolve(pdfBytes);
    },
    writeFile: (filePath, data) => writeFile(filePath, data),
    log,
  });
  const ipc = new FakeIpcRenderer(main);
  const bridge: StationBridge = createStationBridge(ipc);
  return { main, bridge, log, asked, rendered: () => rendered };
}

describe('print.toPdf in main', () => {
  it('asks where to save with the suggested name, renders the page and writes the PDF there', async () => {
    const { bridge, asked, rendered } = setup();
    const answer = await bridge.print.toPdf({ suggestedName: 'Batch record B-101' });
    const expected = path.join(dir, 'Batch record B-101.pdf');
    expect(asked).toEqual(['Batch record B-101.pdf']);
    expect(rendered()).toBe(1);
    expect(answer).toEqual({ ok: true, value: { savedTo: expected } });
    expect(await readFile(expected)).toEqual(Buffer.from(pdfBytes));
  });

  it('adds .pdf to a chosen path without it', async () => {
    const { bridge } = setup({ chosen: path.join(dir, 'record') });
    const answer = await bridge.print.toPdf({ suggestedName: 'Run record R-1005.pdf' });
    expect(answer).toEqual({ ok: true, value: { savedTo: path.join(dir, 'record.pdf') } });
    expect((await stat(path.join(dir, 'record.pdf'))).size).toBe(pdfBytes.length);
  });

  it('does nothing when the person cancels the save dialog', async () => {
    const { bridge, rendered } = setup({ chosen: null });
    expect(await bridge.print.toPdf({ suggestedName: 'Run record R-1' })).toEqual({ ok: true, value: { savedTo: null } });
    expect(rendered()).toBe(0);
  });

  it('says so when the PDF cannot be made, and writes nothing', async () => {
    const { bridge, log } = setup({ pdfFails: true });
    const answer = await bridge.print.toPdf({ suggestedName: 'Run record R-1' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'print_failed' } });
    await expect(stat(path.join(dir, 'Run record R-1.pdf'))).rejects.toThrow();
    expect(log.lines.some((l) => l.level === 'error' && l.message.includes('printToPDF'))).toBe(true);
  });

  it('says where it could not save, naming the path', async () => {
    const missing = path.join(dir, 'no-such-folder', 'x.pdf');
    const { bridge } = setup({ chosen: missing });
    const answer = (await bridge.print.toPdf({ suggestedName: 'x' })) as BridgeResult<unknown>;
    expect(answer).toMatchObject({ ok: false, error: { code: 'save_failed' } });
    expect(answer.ok ? '' : answer.error.message).toContain(missing);
  });

  it.each([
    [{ suggestedName: '../../etc/passwd' }, 'file name'],
    [{ suggestedName: '' }, 'needs a name'],
    [{}, 'suggestedName'],
    ['Batch record', 'expected object'],
  ])('refuses a bad request %j before asking anything', async (payload, message) => {
    const { main, asked, rendered } = setup();
    const answer = (await main.invoke(appFrame(), channels.printToPdf, payload)) as BridgeResult<unknown>;
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(answer.ok ? '' : answer.error.message).toContain(message);
    expect(asked).toEqual([]);
    expect(rendered()).toBe(0);
  });

  it('refuses a frame that is not the station page', async () => {
    const { main, asked } = setup();
    const answer = await main.invoke(childFrame('https://evil.example/'), channels.printToPdf, { suggestedName: 'x' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(asked).toEqual([]);
  });
});
