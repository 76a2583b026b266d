import { useEffect, useState } from 'react';
import { Input, Label, RadioButton, RadioField, RadioGroup, TextField } from 'react-aria-components';
import type { FieldDef, FieldValue } from '../../../shared/schemas/procedure';
import { limitStatus, limitText, parseNumber } from './limits';

interface Props {
  field: FieldDef;
  value: FieldValue | undefined;
  editable: boolean;
  /** Records the value (an enterFields operation); resolves once saved or refused. */
  onCommit: (value: FieldValue) => Promise<boolean>;
}

const statusWords = { within: '✓ Within limits', outside: '✕ Outside limits', none: '' } as const;

/**
 * One field of a step. Numbers show their limits and turn green or red as they are typed; a value
 * is recorded when the person leaves the field or presses Enter (a scanner's Enter too).
 */
export function FieldEntry({ field, value, editable, onCommit }: Props) {
  const limits = limitText(field);
  const scope = field.perUnit ? 'Per unit' : 'Shared with the batch on sign-off';
  const help = `${scope}${field.required ? ' · required' : ''}${limits ? ` · limits ${limits}` : ''}`;
  switch (field.kind) {
    case 'number':
    case 'text':
      return <TypedField field={field} value={value} editable={editable} onCommit={onCommit} help={help} />;
    case 'boolean':
    case 'choice': {
      const options = field.kind === 'boolean' ? ['Yes', 'No'] : (field.options ?? []);
      const current = typeof value === 'boolean' ? (value ? 'Yes' : 'No') : typeof value === 'string' ? value : null;
      return (
        <RadioGroup
          className="field choice-field"
          orientation="horizontal"
          value={current}
          isDisabled={!editable}
          onChange={(v) => {
            void onCommit(field.kind === 'boolean' ? v === 'Yes' : v);
          }}
        >
          <Label>{field.label}</Label>
          <div className="choice-row">
            {options.map((o) => (
              <RadioField key={o} value={o} className="radio-field">
                <RadioButton className="radio-chip">{o}</RadioButton>
              </RadioField>
            ))}
          </div>
          <span className="field-help">{help}</span>
        </RadioGroup>
      );
    }
    default:
      return field.kind satisfies never;
  }
}

function TypedField({ field, value, editable, onCommit, help }: Props & { help: string }) {
  const shown = value === undefined ? '' : String(value);
  const [draft, setDraft] = useState(shown);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    setDraft(shown);
  }, [shown]);
  const parsed = field.kind === 'number' ? parseNumber(draft) : draft;
  const status = field.kind === 'number' && parsed !== null ? limitStatus(field, parsed) : 'none';

  const commit = async () => {
    if (draft === shown) return;
    if (field.kind === 'number' && parsed === null) {
      setProblem(draft.trim() === '' ? null : 'Enter a number');
      return;
    }
    if (parsed === null || (typeof parsed === 'string' && parsed.trim() === '')) return;
    setProblem(null);
    if (!(await onCommit(typeof parsed === 'string' ? parsed.trim() : parsed))) setDraft(shown);
  };

  return (
    <TextField className={`field typed-field limit-${status}`} value={draft} onChange={setDraft} isDisabled={!editable} onBlur={() => void commit()}>
      <Label>
        {field.label}
        {field.unit ? ` (${field.unit})` : ''}
      </Label>
      <div className="input-row">
        <Input
          className="input"
          inputMode={field.kind === 'number' ? 'decimal' : 'text'}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void commit();
            }
          }}
        />
        {status !== 'none' && <span className={`limit-badge ${status}`}>{statusWords[status]}</span>}
      </div>
      <span className="field-help">{problem ?? help}</span>
    </TextField>
  );
}
