import { useState } from 'react';
import { Button, Form, Input, Label, TextField } from 'react-aria-components';
import type { Batch } from '../../../shared/schemas/batch';
import { batchOperation } from '../actions/operations';
import { useAuthor } from '../actions/useAuthor';
import { useSubmit } from '../actions/useSubmit';
import { FormError } from '../ui/FormError';

/** The title row under the header: click it to set or edit the title; **Submit** saves, Cancel reverts. */
export function BatchTitleRow({ batch }: { batch: Batch }) {
  const author = useAuthor();
  const submitOp = useSubmit({ refusalInPlace: true });
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(batch.title ?? '');
  const [error, setError] = useState<string | null>(null);

  if (!editing) {
    return (
      <Button
        className="title-row"
        aria-label={batch.title ? `Batch title: ${batch.title}. Edit the title` : 'Set a batch title'}
        onPress={() => {
          setTitle(batch.title ?? '');
          setError(null);
          setEditing(true);
        }}
      >
        {batch.title ? <span className="title-text">{batch.title}</span> : <span className="muted">Add a title</span>}
        <span className="edit-hint" aria-hidden="true">
          ✎ Edit
        </span>
      </Button>
    );
  }

  const save = async () => {
    const op = batchOperation(author, 'renameBatch', { batchId: batch.id, title: title.trim() });
    const result = await submitOp(op, title.trim() ? `Batch ${batch.id} is now titled “${title.trim()}”.` : `Batch ${batch.id} has no title now.`);
    if (!result.ok) {
      setError(result.reason);
      return;
    }
    setEditing(false);
  };

  return (
    <Form
      className="title-edit"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <TextField className="field grow" value={title} onChange={setTitle} autoFocus maxLength={120}>
        <Label>Batch title</Label>
        <Input className="input" />
      </TextField>
      <Button type="submit" className="button primary">
        Submit
      </Button>
      <Button
        className="button"
        onPress={() => {
          setTitle(batch.title ?? '');
          setEditing(false);
        }}
      >
        Cancel
      </Button>
      <FormError error={error} />
    </Form>
  );
}
