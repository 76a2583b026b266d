import { useEffect, type RefObject } from 'react';

/** How long after the last scroll event the rows take the pointer again, ms. */
export const settleMs = 150;

/**
 * While its scroll container scrolls, `ref`'s element ignores the pointer (`data-scrolling`,
 * styles.css). Rows sliding under a resting pointer otherwise made the browser hit-test them and
 * send mouseover and mouseout every frame, which React turned into synthetic enter and leave
 * events: a tenth of what a scroll allocates and about a seventh of a scroll frame's main-thread
 * time (docs/scale.md, footnote 4). The scroll itself is the container's, which keeps the
 * pointer, so the wheel and touch go on scrolling. Set on the element, not in React state: a
 * scroll renders nothing for it.
 */
export function usePointerQuietWhileScrolling(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const element = ref.current;
    const scroller = element?.parentElement;
    if (!element || !scroller) return undefined;
    let lastScroll = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    // One timer per scroll, not one per scroll event (a scroll sends one a frame).
    const settle = () => {
      const left = lastScroll + settleMs - performance.now();
      if (left > 0) {
        timer = setTimeout(settle, left);
        return;
      }
      timer = null;
      element.removeAttribute('data-scrolling');
    };
    const onScroll = () => {
      lastScroll = performance.now();
      if (timer !== null) return;
      element.setAttribute('data-scrolling', '');
      timer = setTimeout(settle, settleMs);
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      scroller.removeEventListener('scroll', onScroll);
      if (timer !== null) clearTimeout(timer);
      element.removeAttribute('data-scrolling');
    };
  }, [ref]);
}
