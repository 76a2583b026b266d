import { batchLabel } from '../../../shared/schemas/batch';
import type { RunStatus } from '../../../shared/schemas/run';
import { hrefOf } from '../routing/router';
import type { RunSummary } from '../store/runSummary';
import { formatShort } from '../ui/format';
import { chipClass } from '../ui/StatusChip';
import { pendingMarkWords, statusMarks, statusWords } from '../ui/words';
import { procedureLabel, type Lookups } from './useLookups';

/** One row on screen: the run's summary (absent only if it vanished meanwhile), and its marks. */
export interface RunRow {
  id: string;
  run: RunSummary | undefined;
  pending: boolean;
  selected: boolean;
}

/**
 * Writes one run into a cell made once. The runs grid keeps a few dozen rows and, as it scrolls,
 * writes the runs coming into view into the rows that left it (rowPainter.ts): text nodes changed
 * in place, no element made or dropped. Drawn by React, each row coming into view built its
 * elements' descriptions and fibers anew, the garbage whose collections put frames of a scroll
 * over 16 ms (docs/scale.md, footnote 4).
 */
export type CellWriter = (row: RunRow) => void;

/** Builds a cell's elements inside `cell` and returns the writer that fills them. */
export type CellMaker = (cell: HTMLElement, lookups: Lookups) => CellWriter;

/** What a cell shows while its run is not in memory (it vanished between two draws). */
const missing = '…';

function element<K extends keyof HTMLElementTagNameMap>(parent: Node, tag: K, className?: string): HTMLElementTagNameMap[K] {
  const made = document.createElement(tag);
  if (className !== undefined) made.className = className;
  parent.appendChild(made);
  return made;
}

/** A text node that is written only when its text changes. */
function text(parent: Node): (value: string) => void {
  const node = document.createTextNode('');
  parent.appendChild(node);
  let shown = '';
  return (value) => {
    if (value === shown) return;
    shown = value;
    node.data = value;
  };
}

/** A class name written only when it changes. */
function classOf(target: Element): (value: string) => void {
  let shown = target.className;
  return (value) => {
    if (value === shown) return;
    shown = value;
    target.className = value;
  };
}

/**
 * The cell's own text, muted while there is nothing to show. Written into the cell itself, not a
 * span inside it: every element of a row is styled, laid out and painted again when a scroll
 * brings a new run into it.
 */
function plainText(className: string, valueOf: (run: RunSummary, lookups: Lookups) => string | null): CellMaker {
  return (cell, lookups) => {
    const base = `${cell.className} ${className}`;
    const setClass = classOf(cell);
    const setText = text(cell);
    return ({ run }) => {
      const value = run ? valueOf(run, lookups) : null;
      setClass(value === null ? `${base} muted` : base);
      setText(value ?? missing);
    };
  };
}

/** The whole cell is the target (56 px square, for gloves); the box inside only shows the state. */
const selectCell: CellMaker = (cell) => {
  const hit = element(cell, 'span', 'check-hit');
  const box = element(hit, 'input', 'row-check');
  box.type = 'checkbox';
  box.tabIndex = -1;
  let label = '';
  return ({ id, selected }) => {
    // Compared with the box itself, not with what was last written: a click turns the box
    // before the selection answers it (rowPainter.ts, syncChecks).
    if (box.checked !== selected) box.checked = selected;
    const next = `Select ${id}`;
    if (next === label) return;
    label = next;
    box.setAttribute('aria-label', next);
  };
};

const idCell: CellMaker = (cell) => {
  cell.classList.add('run-id-cell');
  const link = element(cell, 'a', 'run-link');
  link.tabIndex = -1;
  const setId = text(link);
  const mark = element(cell, 'span', 'pending-mark');
  mark.setAttribute('role', 'img');
  mark.setAttribute('aria-label', pendingMarkWords);
  mark.title = pendingMarkWords;
  mark.textContent = '⟳';
  mark.hidden = true;
  let shownId = '';
  return ({ id, pending }) => {
    if (id !== shownId) {
      shownId = id;
      link.href = hrefOf({ name: 'run', runId: id });
      setId(id);
    }
    if (mark.hidden === pending) mark.hidden = !pending;
  };
};

/** Colour, mark and word together, as ui/StatusChip draws them elsewhere. */
const statusCell: CellMaker = (cell) => {
  const chip = element(cell, 'span');
  const setClass = classOf(chip);
  const markSpan = element(chip, 'span');
  markSpan.setAttribute('aria-hidden', 'true');
  const setMark = text(markSpan);
  const setWord = text(chip);
  let shown: RunStatus | null | undefined;
  return ({ run }) => {
    const status = run ? run.status : null;
    if (status === shown) return;
    shown = status;
    setClass(status === null ? 'muted' : chipClass(status));
    setMark(status === null ? '' : statusMarks[status]);
    setWord(status === null ? missing : ` ${statusWords[status]}`);
  };
};

const progressCell: CellMaker = (cell) => {
  cell.classList.add('progress-cell');
  const bar = element(cell, 'span', 'bar');
  bar.setAttribute('aria-hidden', 'true');
  const fill = element(bar, 'span');
  const setCount = text(cell);
  let shownDone = -1;
  let shownTotal = -1;
  return ({ run }) => {
    const done = run ? run.stepsDone : -1;
    const total = run ? run.stepsTotal : -1;
    if (done === shownDone && total === shownTotal) return;
    shownDone = done;
    shownTotal = total;
    bar.hidden = !run;
    const pct = total <= 0 ? 0 : Math.round((done / total) * 100);
    fill.style.width = `${String(pct)}%`;
    setCount(run ? `${String(done)}/${String(total)}` : missing);
  };
};

/** The cells of each column. */
export const cellMakers = {
  select: selectCell,
  id: idCell,
  title: plainText('ellipsis', (run) => run.title),
  procedure: plainText('ellipsis', (run, lookups) => {
    const p = lookups.procedures.get(run.procedureVersionId);
    return p ? procedureLabel(p) : run.procedureVersionId;
  }),
  unit: plainText('mono ellipsis', (run) => run.unitSerial),
  status: statusCell,
  progress: progressCell,
  batch: (cell, lookups) => {
    const base = cell.className;
    const setClass = classOf(cell);
    const setText = text(cell);
    return ({ run }) => {
      if (!run || run.batchId === null) {
        setClass(`${base} muted`);
        setText(run ? '—' : missing);
        return;
      }
      const batch = lookups.batches.get(run.batchId);
      setClass(`${base} batch-tag ellipsis`);
      setText(batch ? batchLabel(batch) : `Batch ${run.batchId}`);
    };
  },
  updated: plainText('nowrap', (run) => formatShort(run.updatedAt)),
} satisfies Record<string, CellMaker>;
