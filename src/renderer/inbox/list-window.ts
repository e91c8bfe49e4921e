// Which rows of a long list are drawn: the ones in view plus a few either side, at a fixed
// row height, so 50,000 tickets cost as much to draw as fifty. And which page of rows to ask
// main for. Pure.

export interface ListWindow {
  first: number;
  /** One past the last row drawn. */
  end: number;
}

export function visibleWindow(scrollTop: number, viewportHeight: number, rowHeight: number, total: number, overscan = 6): ListWindow {
  if (total <= 0 || rowHeight <= 0) return { first: 0, end: 0 };
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const end = Math.min(total, Math.ceil((scrollTop + Math.max(0, viewportHeight)) / rowHeight) + overscan);
  return { first: Math.min(first, total), end: Math.max(end, Math.min(first, total)) };
}

/** The scroll position that brings a row into view, or null when it already is. */
export function scrollToShow(index: number, scrollTop: number, viewportHeight: number, rowHeight: number): number | null {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewportHeight) return top + rowHeight - viewportHeight;
  return null;
}

/** Rows are fetched in pages of this many, aligned, so scrolling back and forth reuses them. */
export const PAGE_ROWS = 100;

/** The pages (by first row) that cover a window. */
export function pagesFor(window: ListWindow, pageRows = PAGE_ROWS): number[] {
  if (window.end <= window.first) return [];
  const pages: number[] = [];
  for (let start = Math.floor(window.first / pageRows) * pageRows; start < window.end; start += pageRows) pages.push(start);
  return pages;
}
