import type { Selection } from 'react-aria-components';
import { Button, Menu, MenuItem, MenuTrigger, Popover } from 'react-aria-components';
import { useShallow } from 'zustand/react/shallow';
import { allRunColumns } from '../state/runsViewSlice';
import { useUi } from '../state/uiStore';
import { columnTitles } from './runColumns';

/** Which columns the table shows; Run ID always stays. */
export function ColumnsMenu() {
  const { hidden, setColumnVisible } = useUi(useShallow((s) => ({ hidden: s.runsView.hiddenColumns, setColumnVisible: s.setColumnVisible })));
  const choosable = allRunColumns.filter((c) => c !== 'id');
  const shown = new Set(choosable.filter((c) => !hidden.includes(c)));
  const onChange = (keys: Selection) => {
    for (const c of choosable) setColumnVisible(c, keys === 'all' || keys.has(c));
  };
  return (
    <MenuTrigger>
      <Button className="button">Columns</Button>
      <Popover className="popover">
        <Menu className="menu" selectionMode="multiple" selectedKeys={shown} onSelectionChange={onChange} aria-label="Columns to show">
          {choosable.map((c) => (
            <MenuItem key={c} id={c} className="option check-option" textValue={columnTitles[c]}>
              {({ isSelected }) => (
                <>
                  <span className="option-check" aria-hidden="true">
                    {isSelected ? '✓' : ''}
                  </span>
                  {columnTitles[c]}
                </>
              )}
            </MenuItem>
          ))}
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
