// The message list's page cache. The list is virtualized over `total` rows; rows are read
// in pages with `messages.window` as they scroll into view, kept (up to a limit) so that
// scrolling back is instant, and on `messages.changed` only the visible pages are re-read.
// Stale pages keep showing until their fresh copy arrives, so nothing flashes or jumps.
import type { MessageHeader, MessageId } from '../../shared/domain';
import { keepUnchangedRows } from './keep-unchanged-rows';

export interface WindowResult {
  total: number;
  messages: MessageHeader[];
}

export type FetchWindow = (offset: number, limit: number) => Promise<WindowResult>;

interface Page {
  rows: MessageHeader[];
  stale: boolean;
  /** For the eviction order: larger is more recently used. */
  usedAt: number;
}

export interface MessageWindowStoreOptions {
  pageSize?: number;
  /** Pages kept in memory; the least recently used beyond this are dropped. */
  maxPages?: number;
  onError?: (error: unknown) => void;
  /**
   * The first page, read before the list was drawn (app/first-screen.ts): shown at once, and
   * read again like a stale page as soon as it is on screen.
   */
  firstPage?: WindowResult;
}

export class MessageWindowStore {
  readonly pageSize: number;
  private readonly maxPages: number;
  private readonly pages = new Map<number, Page>();
  /** Pages being read, with the generation they were requested in. */
  private readonly inFlight = new Map<number, { generation: number; done: Promise<void> }>();
  private readonly listeners = new Set<() => void>();
  private generation = 0;
  private useClock = 0;
  private visible: { start: number; end: number } = { start: 0, end: 0 };
  private totalRows: number | null = null;
  private version = 0;

  constructor(
    private readonly fetchWindow: FetchWindow,
    private readonly options: MessageWindowStoreOptions = {},
  ) {
    this.pageSize = options.pageSize ?? 100;
    this.maxPages = Math.max(4, options.maxPages ?? 60);
    if (options.firstPage) {
      this.totalRows = options.firstPage.total;
      this.pages.set(0, { rows: options.firstPage.messages.slice(0, this.pageSize), stale: true, usedAt: 0 });
    }
  }

  /** Null until the first page has answered. */
  get total(): number | null {
    return this.totalRows;
  }

  /** Changes whenever anything visible changes (for useSyncExternalStore). */
  getVersion = (): number => this.version;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getRow(index: number): MessageHeader | undefined {
    const page = this.pages.get(Math.floor(index / this.pageSize));
    return page?.rows[index % this.pageSize];
  }

  /** The row index of a loaded message, or -1. Fresh pages win over stale copies. */
  indexOf(id: MessageId): number {
    let staleMatch = -1;
    for (const [pageIndex, page] of this.pages) {
      const at = page.rows.findIndex((row) => row.id === id);
      if (at < 0) continue;
      if (!page.stale) return pageIndex * this.pageSize + at;
      if (staleMatch < 0) staleMatch = pageIndex * this.pageSize + at;
    }
    return staleMatch;
  }

  getById(id: MessageId): MessageHeader | undefined {
    const index = this.indexOf(id);
    return index >= 0 ? this.getRow(index) : undefined;
  }

  /** Ids of rows start..end (inclusive), or null when some of them are not loaded. */
  idsInRange(start: number, end: number): MessageId[] | null {
    const ids: MessageId[] = [];
    for (let index = Math.min(start, end); index <= Math.max(start, end); index++) {
      const row = this.getRow(index);
      if (!row) return null;
      ids.push(row.id);
    }
    return ids;
  }

  /** Rows start..end (inclusive) are on screen: load what is missing or stale. */
  setVisibleRange(start: number, end: number): Promise<void> {
    this.visible = { start: Math.max(0, start), end: Math.max(start, end) };
    return this.loadRange(this.visible.start, this.visible.end);
  }

  /** Loads rows start..end (inclusive), e.g. before a Shift+click range across unloaded rows. */
  async loadRange(start: number, end: number): Promise<void> {
    const first = Math.floor(Math.max(0, start) / this.pageSize);
    const last = Math.floor(Math.max(0, end) / this.pageSize);
    const waits: Promise<void>[] = [];
    for (let pageIndex = first; pageIndex <= last; pageIndex++) {
      if (this.totalRows !== null && pageIndex * this.pageSize >= this.totalRows && pageIndex > 0) break;
      const page = this.pages.get(pageIndex);
      if (page) page.usedAt = ++this.useClock;
      if (page && !page.stale) continue;
      waits.push(this.fetchPage(pageIndex));
    }
    await Promise.all(waits);
  }

  /**
   * The mailbox changed: every page may have shifted, so all become stale, the visible ones
   * are re-read now and the others when they are next scrolled to.
   */
  invalidate(): Promise<void> {
    this.generation += 1;
    for (const page of this.pages.values()) page.stale = true;
    this.inFlight.clear();
    return this.loadRange(this.visible.start, this.visible.end);
  }

  /** An optimistic local change (read, star) shown at once, before the core confirms it. */
  patch(ids: readonly MessageId[], change: (row: MessageHeader) => MessageHeader): void {
    const wanted = new Set(ids);
    let changed = false;
    for (const page of this.pages.values()) {
      page.rows = page.rows.map((row) => {
        if (!wanted.has(row.id)) return row;
        changed = true;
        return change(row);
      });
    }
    if (changed) this.emit();
  }

  private fetchPage(pageIndex: number): Promise<void> {
    const running = this.inFlight.get(pageIndex);
    if (running && running.generation === this.generation) return running.done;
    const generation = this.generation;
    const done = this.readPage(pageIndex, generation).finally(() => {
      if (this.inFlight.get(pageIndex)?.generation === generation) this.inFlight.delete(pageIndex);
    });
    this.inFlight.set(pageIndex, { generation, done });
    return done;
  }

  private async readPage(pageIndex: number, generation: number): Promise<void> {
    try {
      const result = await this.fetchWindow(pageIndex * this.pageSize, this.pageSize);
      if (generation !== this.generation) return; // a newer read is on its way
      this.totalRows = result.total;
      const rows = keepUnchangedRows(this.pages.get(pageIndex)?.rows, result.messages);
      this.pages.set(pageIndex, { rows, stale: false, usedAt: ++this.useClock });
      this.evict();
      this.emit();
    } catch (error) {
      this.options.onError?.(error);
    }
  }

  private evict(): void {
    if (this.pages.size <= this.maxPages) return;
    const firstVisible = Math.floor(this.visible.start / this.pageSize);
    const lastVisible = Math.floor(this.visible.end / this.pageSize);
    const candidates = [...this.pages.entries()]
      .filter(([index]) => index < firstVisible || index > lastVisible)
      .sort((a, b) => a[1].usedAt - b[1].usedAt);
    for (const [index] of candidates) {
      if (this.pages.size <= this.maxPages) break;
      this.pages.delete(index);
    }
  }

  private emit(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }
}
