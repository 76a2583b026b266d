/** What makes a cell of the batch matrix need a supervisor, in the order the filters list them. */
export const attentionKinds = ['failed', 'hold', 'redline', 'excluded', 'review'] as const;
export type AttentionKind = (typeof attentionKinds)[number];

export const attentionWords: Record<AttentionKind, string> = {
  failed: 'Failed',
  hold: 'On hold',
  redline: 'Redline',
  excluded: 'Left out of a batch change',
  review: 'Needs review',
};
