import type { AuditEntry } from '../../../shared/schemas/audit';
import type { OperationKind } from '../../../shared/schemas/operation';

/** What each kind of operation did, as the history says it. */
export const actionWords: Record<OperationKind, string> = {
  start: 'Started',
  signOff: 'Signed off',
  skip: 'Skipped',
  fail: 'Failed',
  reopen: 'Reopened',
  hold: 'Put on hold',
  release: 'Released from hold',
  enterFields: 'Values recorded',
  redlineOpen: 'Redline opened',
  redlineEdit: 'Redline edited',
  redlineFinish: 'Redline finished',
  redlineCancel: 'Redline cancelled',
  createBatch: 'Batch created',
  addRunsToBatch: 'Added to batch',
  removeRunFromBatch: 'Removed from batch',
  renameBatch: 'Batch renamed',
  unbatchAll: 'Batch dissolved',
  addBuildRequirement: 'Part requirement added',
  applyBuildRequirementToBatch: 'Part requirement added',
  recordInstall: 'Part installed',
  resolveReview: 'Review decided',
};

const isKind = (action: string): action is OperationKind => Object.hasOwn(actionWords, action);

function text(detail: AuditEntry['detail'], key: string): string | null {
  const value = detail?.[key];
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return null;
}

function list(detail: AuditEntry['detail'], key: string): string | null {
  const value = detail?.[key];
  return Array.isArray(value) && value.length > 0 ? value.map(String).join(', ') : null;
}

/** The action in words, with what its detail adds: the part and serial, the batch, the fields a redline changed. */
export function describeAction(entry: Pick<AuditEntry, 'action' | 'batchId' | 'detail'>): string {
  const base = isKind(entry.action) ? actionWords[entry.action] : entry.action;
  const { detail } = entry;
  switch (entry.action) {
    case 'recordInstall': {
      const part = text(detail, 'partNumber');
      const serial = text(detail, 'serial');
      const lot = text(detail, 'lot');
      const quantity = text(detail, 'quantity');
      const which = [part, serial ? `serial ${serial}` : null, lot ? `lot ${lot}` : null, quantity && quantity !== '1' ? `× ${quantity}` : null].filter(Boolean).join(' ');
      return which ? `${base}: ${which}` : base;
    }
    case 'addBuildRequirement':
    case 'applyBuildRequirementToBatch': {
      const part = text(detail, 'partNumber');
      return part ? `${base}: ${part} × ${text(detail, 'quantity') ?? '1'}` : base;
    }
    case 'redlineEdit': {
      const changed = list(detail, 'changed');
      return changed ? `${base} (${changed})` : base;
    }
    case 'createBatch':
    case 'addRunsToBatch':
    case 'removeRunFromBatch':
    case 'unbatchAll':
      return entry.batchId ? `${base} ${entry.batchId}` : base;
    case 'renameBatch': {
      const title = text(detail, 'title');
      return `${base}${entry.batchId ? ` ${entry.batchId}` : ''}${title ? ` to “${title}”` : ''}`;
    }
    default:
      return base;
  }
}
