import type { Key } from 'react-aria-components';
import { Button, Label, ListBox, ListBoxItem, Popover, Select, SelectValue } from 'react-aria-components';

export interface Option {
  id: string;
  label: string;
}

/** A labelled single choice with a large trigger. */
export function SingleSelect(props: { label: string; options: readonly Option[]; value: string; onChange: (id: string) => void; className?: string }) {
  return (
    <Select
      className={`select ${props.className ?? ''}`}
      value={props.value}
      onChange={(key: Key | null) => {
        if (key !== null) props.onChange(String(key));
      }}
    >
      <Label>{props.label}</Label>
      <Button className="select-trigger">
        <SelectValue />
        <span aria-hidden="true" className="caret">
          ▾
        </span>
      </Button>
      <Popover className="popover">
        <ListBox className="listbox" items={props.options}>
          {(o) => (
            <ListBoxItem className="option" id={o.id} textValue={o.label}>
              {o.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}

/** A labelled choice of any number of options; the trigger names them or says "All". */
export function MultiSelect(props: { label: string; options: readonly Option[]; value: readonly string[]; onChange: (ids: string[]) => void; className?: string }) {
  return (
    <Select
      selectionMode="multiple"
      className={`select ${props.className ?? ''}`}
      value={props.value}
      onChange={(keys: Key[]) => {
        props.onChange(keys.map(String));
      }}
    >
      <Label>{props.label}</Label>
      <Button className="select-trigger">
        <SelectValue>{({ selectedText, isPlaceholder }) => (isPlaceholder ? 'All' : selectedText)}</SelectValue>
        <span aria-hidden="true" className="caret">
          ▾
        </span>
      </Button>
      <Popover className="popover">
        <ListBox className="listbox" items={props.options}>
          {(o) => (
            <ListBoxItem className="option check-option" id={o.id} textValue={o.label}>
              {({ isSelected }) => (
                <>
                  <span className="option-check" aria-hidden="true">
                    {isSelected ? '✓' : ''}
                  </span>
                  {o.label}
                </>
              )}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}
