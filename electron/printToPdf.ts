import { channels, PrintRequest, type BridgeResult } from '../shared/bridge/contract';
import { fail, ok } from './bridgeResult';
import type { IpcRouter } from './ipcRouter';
import type { Log } from './log';

/** What printing needs from Electron and the disk, handed in by main.ts (fakes in tests). */
export interface PrintDeps {
  /** Asks where to save (dialog.showSaveDialog on the station window); null when cancelled. */
  chooseSavePath(suggestedName: string): Promise<string | null>;
  /** The station window's page as a PDF (webContents.printToPDF). */
  pageToPdf(): Promise<Uint8Array>;
  writeFile(filePath: string, data: Uint8Array): Promise<void>;
  log: Log;
}

const withPdfExtension = (name: string) => (/\.pdf$/i.test(name) ? name : `${name}.pdf`);

/**
 * `print.toPdf`: asks where first (a cancel costs nothing), then renders the page on screen (the
 * print view, laid out by its print CSS) and writes the file. Each failure is a sentence the
 * person can act on; nothing is written unless the whole PDF was made.
 */
export function registerPrintHandler(router: IpcRouter, deps: PrintDeps): void {
  router.handle(channels.printToPdf, PrintRequest, async ({ suggestedName }): Promise<BridgeResult<{ savedTo: string | null }>> => {
    const target = await deps.chooseSavePath(withPdfExtension(suggestedName));
    if (target === null) return ok({ savedTo: null });
    let pdf: Uint8Array;
    try {
      pdf = await deps.pageToPdf();
    } catch (error) {
      deps.log.error('printToPDF failed', error);
      return fail('print_failed', 'The record could not be turned into a PDF; the details are in the station log');
    }
    const savedTo = withPdfExtension(target);
    try {
      await deps.writeFile(savedTo, pdf);
    } catch (error) {
      return fail('save_failed', `The PDF could not be saved to ${savedTo} (${error instanceof Error ? error.message : String(error)}). Choose another folder.`);
    }
    deps.log.info(`Printed a record to ${savedTo}`);
    return ok({ savedTo });
  });
}
