import { elementScroll, observeElementOffset, observeElementRect, Virtualizer, type VirtualizerOptions } from '@tanstack/react-virtual';
import { RowPainter, type RowsView } from './rowPainter';

export const rowHeight = 56;
export const headerHeight = 52;

/**
 * The runs grid's rows, virtualized: TanStack Virtual's core decides which rows are in view, and
 * the painter draws them, on every change of that answer, without a React render. Through React's
 * `useVirtualizer`, each scroll frame rendered the grid's body and compared its rows' props, work
 * and garbage a scroll does not need (docs/scale.md, footnote 4). React renders the body only when
 * what it shows changes (`show`).
 *
 * The scroll container is the rowgroup's parent, the grid element, which holds the header too.
 */
export class VirtualRows {
  private readonly painter: RowPainter;
  private readonly virtualizer: Virtualizer<Element, Element>;
  private readonly unmount: () => void;
  private view: RowsView | null = null;

  constructor(private readonly body: HTMLDivElement) {
    this.painter = new RowPainter(body, rowHeight);
    this.virtualizer = new Virtualizer(this.options(0));
    this.unmount = this.virtualizer._didMount();
    this.virtualizer._willUpdate();
  }

  /** Draws `view`: React calls this when anything the rows show has changed. */
  show(view: RowsView): void {
    this.view = view;
    this.virtualizer.setOptions(this.options(view.ids.length));
    this.virtualizer._willUpdate();
    this.draw();
  }

  scrollToIndex(index: number): void {
    this.virtualizer.scrollToIndex(index, { align: 'auto' });
  }

  runIdAt(target: EventTarget | null): string | null {
    return this.painter.runIdAt(target);
  }

  syncChecks(): void {
    this.painter.syncChecks();
  }

  dispose(): void {
    this.unmount();
    this.view = null;
    this.painter.clear();
  }

  private draw(): void {
    if (!this.view) return;
    this.painter.paint(this.view, {
      items: this.virtualizer.getVirtualItems(),
      totalSize: this.virtualizer.getTotalSize(),
      offset: headerHeight,
      scrolling: this.virtualizer.isScrolling,
    });
  }

  private options(count: number): VirtualizerOptions<Element, Element> {
    return {
      count,
      getScrollElement: () => this.body.parentElement,
      estimateSize: () => rowHeight,
      overscan: 6,
      scrollMargin: headerHeight,
      scrollPaddingStart: headerHeight,
      observeElementRect,
      observeElementOffset,
      scrollToFn: elementScroll,
      // Called when the rows in view or the scrolling flag change: from a scroll event, or from
      // `show` itself (setOptions and _willUpdate recompute the range).
      onChange: () => {
        this.draw();
      },
    };
  }
}
