import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useStation } from '../boot/StationContext';
import { openAttention } from '../store/attention';
import { AttentionPanel } from './AttentionPanel';
import { formatCount } from '../ui/format';

/**
 * The header's reminder that the server refused or set aside work done here. It stays until a
 * person closes each notice, because the screen has already rolled the work back and nothing
 * else tells the technician it did not count.
 */
export function AttentionButton() {
  const { db } = useStation();
  const rows = useLiveQuery(() => openAttention(db), [db]);
  const [open, setOpen] = useState(false);
  const n = rows?.length ?? 0;
  if (n === 0 && !open) return null;
  return (
    <>
      <Button className="button attention-button" onPress={() => { setOpen(true); }}>
        <span aria-hidden="true">⚠</span> {formatCount(n)} {n === 1 ? 'needs' : 'need'} attention
      </Button>
      {open && <AttentionPanel rows={rows ?? []} onClose={() => { setOpen(false); }} />}
    </>
  );
}
