// r, the load: a second WebSocket opened from the bench page (same origin, the token of the shell's
// URL, which the app removes from the page's address once read), over which the bench adds an account and follows its first sync's `sync.progress`.
// It is a second client of the same shell and engine, as another window would be: the page's own
// transport, and what the app does with the new account's events, stay exactly as a user has them.
import type { Page } from '@playwright/test';
import type { AccountSettings } from '../../../shared/domain';

export interface SideSync {
  /** The added account's INBOX: messages synced so far and in all (0 until its first batch). */
  done: number;
  total: number;
  /** performance.now() in the page when the INBOX's sync reached its total, else null. */
  finishedAt: number | null;
  error: string | null;
}

type SideWindow = { __benchSide?: SideSync };

/** Adds the account over the side channel; resolves once the engine has stored it (its sync has begun). */
export async function addAccountBeside(
  page: Page,
  shellUrl: string,
  settings: AccountSettings,
  password: string,
): Promise<void> {
  const token = new URLSearchParams(new URL(shellUrl).hash.slice(1)).get('token') ?? '';
  await page.evaluate(
    ({ settings, password, token }) =>
      new Promise<void>((resolve, reject) => {
        const ws = new WebSocket(`ws://${location.host}/ws?token=${encodeURIComponent(token)}`);
        const state: SideSync = { done: 0, total: 0, finishedAt: null, error: null };
        (window as SideWindow).__benchSide = state;
        let accountId: string | null = null;
        ws.onmessage = (message) => {
          const data = JSON.parse(String(message.data)) as {
            ready?: true;
            id?: number;
            result?: { id: string };
            error?: { message: string };
            event?: string;
            payload?: { accountId: string; mailbox: string; done: number; total: number };
          };
          if (data.ready) ws.send(JSON.stringify({ id: 1, method: 'accounts.add', input: { settings, password } }));
          else if (data.id === 1) {
            if (data.error) reject(new Error(`accounts.add: ${data.error.message}`));
            else {
              accountId = data.result!.id;
              resolve();
            }
          } else if (data.event === 'sync.progress' && data.payload) {
            const p = data.payload;
            if (p.accountId !== accountId || p.mailbox !== 'INBOX') return;
            state.done = p.done;
            state.total = p.total;
            if (p.total > 0 && p.done >= p.total && state.finishedAt === null) state.finishedAt = performance.now();
          }
        };
        ws.onclose = () => {
          state.error ??= 'the side channel closed';
          reject(new Error(state.error));
        };
      }),
    { settings, password, token },
  );
}

export async function sideSync(page: Page): Promise<SideSync> {
  return page.evaluate(() => (window as SideWindow).__benchSide!);
}
