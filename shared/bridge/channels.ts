/**
 * IPC channel names, declared once for main and preload. Kept apart from the contract's schemas
 * so the sandboxed preload bundles these strings and nothing else.
 */
export const channels = {
  syncPost: 'sync:post',
  syncMessage: 'sync:message',
  stationConfig: 'station:config',
  stationEnrol: 'station:enrol',
  stationSignIn: 'station:sign-in',
  shellOpenExternal: 'shell:open-external',
  printToPdf: 'print:to-pdf',
} as const;
