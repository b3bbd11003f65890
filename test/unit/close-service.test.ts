import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeService } from '../../electron/shell/close-service';

describe('closeService', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('lets queued work settle, then closes', async () => {
    const order: string[] = [];
    const service = {
      settled: vi.fn(async () => void order.push('settled')),
      close: vi.fn(async () => void order.push('closed')),
    };
    await closeService(service, 1000);
    expect(order).toEqual(['settled', 'closed']);
  });

  it('does not wait longer than the bound for an account that cannot settle (offline)', async () => {
    const service = { settled: () => new Promise<void>(() => undefined), close: vi.fn(async () => undefined) };
    const done = closeService(service, 1000);
    await vi.advanceTimersByTimeAsync(999);
    expect(service.close).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    await done;
    expect(service.close).toHaveBeenCalled();
  });

  it('closes even when settling fails', async () => {
    const service = { settled: vi.fn(async () => Promise.reject(new Error('x'))), close: vi.fn(async () => undefined) };
    await closeService(service, 1000);
    expect(service.close).toHaveBeenCalled();
  });
});
