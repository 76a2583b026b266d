import { Button, Input, Label, TextField } from 'react-aria-components';
import type { FieldDef } from '../../../shared/schemas/procedure';
import { parseNumber } from './limits';

function withUnit(field: FieldDef, unit: string): FieldDef {
  const next: FieldDef = { ...field, unit };
  if (unit === '') delete next.unit;
  return next;
}

/** One field of a redline draft: its label, unit and limits, whether it is required and per unit. */
export function RedlineFieldRow({ field, onChange, onRemove }: { field: FieldDef; onChange: (f: FieldDef) => void; onRemove: () => void }) {
  const limit = (key: 'min' | 'max', text: string) => {
    const n = parseNumber(text);
    const { min, max, ...rest } = field;
    const limits = { min, max, [key]: n ?? undefined };
    // Absent limits are left out, not set to undefined, so the draft compares and serialises cleanly.
    onChange({ ...rest, ...(limits.min === undefined ? {} : { min: limits.min }), ...(limits.max === undefined ? {} : { max: limits.max }) });
  };
  return (
    <div className="redline-field">
      <TextField className="field" value={field.label} onChange={(label) => { onChange({ ...field, label }); }}>
        <Label>Label</Label>
        <Input className="input" />
      </TextField>
      {field.kind === 'number' && (
        <>
          <TextField className="field narrow" value={field.unit ?? ''} onChange={(unit) => { onChange(withUnit(field, unit)); }}>
            <Label>Unit</Label>
            <Input className="input" />
          </TextField>
          <TextField className="field narrow" defaultValue={field.min === undefined ? '' : String(field.min)} onChange={(t) => { limit('min', t); }}>
            <Label>Min</Label>
            <Input className="input" inputMode="decimal" />
          </TextField>
          <TextField className="field narrow" defaultValue={field.max === undefined ? '' : String(field.max)} onChange={(t) => { limit('max', t); }}>
            <Label>Max</Label>
            <Input className="input" inputMode="decimal" />
          </TextField>
        </>
      )}
      <label className="checkbox">
        <input type="checkbox" checked={field.required} onChange={(e) => { onChange({ ...field, required: e.target.checked }); }} />
        Required
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={field.perUnit} onChange={(e) => { onChange({ ...field, perUnit: e.target.checked }); }} />
        Per unit
      </label>
      <Button className="button small danger" aria-label={`Remove field ${field.label}`} onPress={onRemove}>
        Remove
      </Button>
    </div>
  );
}
