import { useEffect, useState } from 'react';
import { Button, Input, Label, TextArea, TextField } from 'react-aria-components';
import { hasPermission } from '../../../shared/domain/permissions';
import type { FieldDef } from '../../../shared/schemas/procedure';
import type { RunStep } from '../../../shared/schemas/run';
import { useAuthor } from '../actions/useAuthor';
import { useSubmit } from '../actions/useSubmit';
import { useStation } from '../boot/StationContext';
import { useUi } from '../state/uiStore';
import { formatTime } from '../ui/format';
import { limitText } from './limits';
import { actionWords, buildStepOp, type RedlineChanges } from './stepOps';
import { RedlineFieldRow } from './RedlineFieldRow';

/**
 * A step in redline: the draft, and for engineers the editor (title, instructions, fields) with
 * Save, Finish and Cancel. On a batched run each of them first says what propagates.
 */
export function RedlinePanel({ step, batched }: { step: RunStep; batched: boolean }) {
  const { db } = useStation();
  const author = useAuthor();
  const submitOp = useSubmit();
  const openStepDialog = useUi((s) => s.openStepDialog);
  const redline = step.redline;
  const [title, setTitle] = useState(redline?.draft.title ?? step.title);
  const [instructions, setInstructions] = useState(redline?.draft.instructions ?? step.instructions);
  const [fields, setFields] = useState<FieldDef[]>(redline?.draft.fields ?? step.fields);
  useEffect(() => {
    if (!redline) return;
    setTitle(redline.draft.title);
    setInstructions(redline.draft.instructions);
    setFields(redline.draft.fields);
  }, [redline]);
  if (!redline) return null;
  const canEdit = hasPermission(author.user, 'EditRedline');

  const changes: RedlineChanges = {};
  if (title.trim() !== redline.draft.title) changes.title = title.trim();
  if (instructions !== redline.draft.instructions) changes.instructions = instructions;
  if (JSON.stringify(fields) !== JSON.stringify(redline.draft.fields)) changes.fields = fields;
  const dirty = Object.keys(changes).length > 0;

  const act = async (kind: 'redlineEdit' | 'redlineFinish' | 'redlineCancel') => {
    if (batched) {
      openStepDialog({ kind, runId: step.runId, stepId: step.id, ...(kind === 'redlineEdit' ? { changes } : {}) });
      return;
    }
    const op = await buildStepOp(db, author, kind, step, { reason: '', meaning: 'performed', changes });
    await submitOp(op, actionWords(kind, step).done);
  };

  return (
    <div className="redline-panel">
      <p className="redline-banner">
        <span aria-hidden="true">✎</span> In redline, opened by <strong>{redline.openedByName}</strong> on {formatTime(redline.openedAt)}: {redline.reason}
      </p>
      {canEdit ? (
        <div className="redline-editor">
          <TextField className="field" value={title} onChange={setTitle}>
            <Label>Step title</Label>
            <Input className="input" />
          </TextField>
          <TextField className="field" value={instructions} onChange={setInstructions}>
            <Label>Instructions</Label>
            <TextArea className="textarea" />
          </TextField>
          <fieldset className="redline-fields">
            <legend>Fields</legend>
            {fields.length === 0 && <p className="muted">No fields.</p>}
            {fields.map((f, i) => (
              <RedlineFieldRow
                key={f.id}
                field={f}
                onChange={(next) => {
                  setFields(fields.map((x, j) => (j === i ? next : x)));
                }}
                onRemove={() => {
                  setFields(fields.filter((_, j) => j !== i));
                }}
              />
            ))}
            <Button
              className="button"
              onPress={() => {
                setFields([...fields, { id: `f-${crypto.randomUUID().slice(0, 8)}`, label: 'New measurement', kind: 'number', required: true, perUnit: true }]);
              }}
            >
              Add a field
            </Button>
          </fieldset>
          <div className="button-row">
            <Button className="button primary" isDisabled={!dirty} onPress={() => void act('redlineEdit')}>
              Save redline changes
            </Button>
            <Button className="button" isDisabled={dirty} onPress={() => void act('redlineFinish')}>
              Finish redline
            </Button>
            <Button className="button danger" onPress={() => void act('redlineCancel')}>
              Cancel redline
            </Button>
          </div>
          {dirty && <p className="hint">Save the changes before finishing the redline.</p>}
        </div>
      ) : (
        <div className="redline-draft">
          <p className="field-label">Draft: {redline.draft.title}</p>
          <p className="instructions">{redline.draft.instructions}</p>
          <ul>
            {redline.draft.fields.map((f) => (
              <li key={f.id}>
                {f.label}
                {limitText(f) ? ` (${limitText(f) ?? ''})` : ''}
              </li>
            ))}
          </ul>
          <p className="hint">An engineer edits and finishes this redline.</p>
        </div>
      )}
    </div>
  );
}
