/**
 * The side channel that gives the table of contents real page numbers. React-PDF knows a page
 * number only during layout, through `<Text render>`: each project's header records the page it
 * lands on, and the contents' numbers are `render` texts that read those records. React-PDF
 * resolves every page's render texts again once all pages are split, so by then the records of
 * the later pages exist and one layout prints the real numbers. `printedAreReal` checks that
 * afterwards, so that a pagination engine that resolves in another order costs a second layout,
 * never a wrong number.
 */
export class TocPageNumbers {
  private readonly starts = new Map<string, number>();
  private readonly printed = new Map<string, number | undefined>();

  /** Called by a project's header with the page it was laid out on. */
  recordStart(anchor: string, pageNumber: number): void {
    this.starts.set(anchor, pageNumber);
  }

  /** The page the contents print for a project (undefined before it is known); remembered for the check. */
  startOf(anchor: string): number | undefined {
    const page = this.starts.get(anchor);
    this.printed.set(anchor, page);
    return page;
  }

  /** True when, in the last layout, the contents printed each project's real start page. */
  printedAreReal(): boolean {
    return this.printed.size > 0 && [...this.printed].every(([anchor, page]) => page !== undefined && page === this.starts.get(anchor));
  }
}
