// Remote content, end to end: a message with remote images opens with them blocked and the
// page makes no request for them; "Load once" shows them, fetched by the ENGINE (the image
// server sees the engine's request, the page still requests nothing); images the engine
// refuses stay out and are counted; "Always for this sender" lasts across messages and reloads.
//
// The "remote" server is on 127.0.0.1, which the engine refuses; the shell of these tests gets
// MAIL_TEST_ALLOW_LOOPBACK_IMAGES=1 (test only: admits loopback and nothing else).
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { appendMessage } from '../mailserver/imap-helpers';
import { addAccountThroughUi, expect, screenshot, test } from './fixtures';

test.use({ shellEnv: { MAIL_TEST_ALLOW_LOOPBACK_IMAGES: '1' } });

/** A real 1x1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

interface ImageServer {
  origin: string;
  requests: { path: string; headers: IncomingHttpHeaders }[];
  close: () => Promise<void>;
}

async function startImageServer(): Promise<ImageServer> {
  const requests: ImageServer['requests'] = [];
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    requests.push({ path, headers: request.headers });
    if (path === '/disguised.png')
      // an HTML page posing as an image: the engine sniffs the bytes and refuses it
      response.writeHead(200, { 'Content-Type': 'image/png' }).end('<!doctype html><h1>not an image</h1>');
    else response.writeHead(200, { 'Content-Type': 'image/png', 'Set-Cookie': 'seen=1; Path=/' }).end(PNG);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

function newsletter(subject: string, id: string, html: string): Buffer {
  return Buffer.from(
    `From: Image News <news@images.example>\r\nTo: you@example.test\r\nSubject: ${subject}\r\n` +
      `Date: Wed, 04 Mar 2026 10:00:00 +0000\r\nMessage-ID: <${id}@images.example>\r\nMIME-Version: 1.0\r\n` +
      `Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n` +
      Buffer.from(html).toString('base64').replace(/.{76}/g, '$&\r\n') +
      '\r\n',
  );
}

/** Every request the page (or any frame in it) makes outside the shell's own origin. */
function recordForeignRequests(page: Page, origin: string): string[] {
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:') && url !== 'about:srcdoc')
      foreign.push(url);
  });
  return foreign;
}

test('remote images load only through the engine, once or always for a sender', async ({
  page,
  shell,
  mailServer,
  user,
}) => {
  const images = await startImageServer();
  try {
    const first =
      `<p>Spring issue</p><img alt="Logo" width="120" height="60" src="${images.origin}/logo.png">` +
      `<img alt="Disguised" src="${images.origin}/disguised.png">` +
      `<div style="background: url(http://10.255.255.1/lan-probe.png)">Private background</div>`;
    const second = `<p>Summer issue</p><img alt="Banner" width="120" height="60" src="${images.origin}/banner.png">`;
    await appendMessage(mailServer, user, newsletter('Spring issue', 'spring', first), 'INBOX');
    await appendMessage(mailServer, user, newsletter('Summer issue', 'summer', second), 'INBOX');

    const foreign = recordForeignRequests(page, new URL(shell.url).origin);
    await page.goto(shell.url);
    await addAccountThroughUi(page, mailServer, user);
    const list = page.getByRole('listbox', { name: 'Messages' });
    const reader = page.getByRole('region', { name: 'Message' });
    const frame = reader.frameLocator('iframe[title="Message body"]');
    const naturalWidth = (alt: string) =>
      frame
        .locator(`img[alt="${alt}"]`)
        .evaluate((img: HTMLImageElement) => img.naturalWidth)
        .catch(() => 0); // the frame is being replaced (a new srcdoc): ask again

    // 1. blocked: the bar, no src in the document, nothing requested by anyone
    await list.getByRole('option', { name: /Spring issue/ }).click();
    await expect(reader.getByText('Remote content blocked')).toBeVisible();
    await expect(frame.locator('body')).toContainText('Spring issue');
    await expect(frame.locator('img[alt="Logo"]')).not.toHaveAttribute('src', /./);
    await page.waitForTimeout(1_000);
    expect(images.requests).toEqual([]);
    await screenshot(page, 'remote-content-blocked');

    // 2. "Load once": the engine fetches, the frame shows its data: copies
    await reader.getByRole('button', { name: 'Load once' }).click();
    await expect.poll(() => naturalWidth('Logo'), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect(frame.locator('img[alt="Logo"]')).toHaveAttribute('src', /^data:image\/png;base64,/);
    await expect(reader.getByText('Remote content blocked')).toBeHidden();
    // the HTML page posing as an image and the LAN address were refused by the engine
    await expect(reader.getByText('2 images could not be loaded.')).toBeVisible();
    await expect(frame.locator('img[alt="Disguised"]')).not.toHaveAttribute('src', /./);
    const html = await frame.locator('html').evaluate((element) => element.outerHTML);
    expect(html).not.toContain(images.origin);
    expect(html).not.toContain('10.255.255.1');
    expect(html).toContain('img-src data: cid:;');
    expect(images.requests.map((request) => request.path).sort()).toEqual(['/disguised.png', '/logo.png']);
    for (const { headers } of images.requests) {
      expect(headers['user-agent']).toBe('Mozilla/5.0');
      expect(headers.cookie).toBeUndefined();
      expect(headers.referer).toBeUndefined();
      expect(headers.origin).toBeUndefined();
    }
    await screenshot(page, 'remote-content-loaded-once');

    // "Load once" was for that message only
    await list.getByRole('option', { name: /Summer issue/ }).click();
    await expect(reader.getByText('Remote content blocked')).toBeVisible();
    await expect(frame.locator('body')).toContainText('Summer issue');
    expect(images.requests.map((request) => request.path)).not.toContain('/banner.png');

    // 3. "Always for this sender": this message, the sender's other one, and after a reload
    await reader.getByRole('button', { name: 'Always for this sender' }).click();
    await expect.poll(() => naturalWidth('Banner'), { timeout: 15_000 }).toBeGreaterThan(0);
    await list.getByRole('option', { name: /Spring issue/ }).click();
    await expect(frame.locator('body')).toContainText('Spring issue');
    await expect.poll(() => naturalWidth('Logo'), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect(reader.getByText('Remote content blocked')).toBeHidden();
    await page.reload();
    await list.getByRole('option', { name: /Summer issue/ }).click();
    await expect.poll(() => naturalWidth('Banner'), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect(reader.getByText('Remote content blocked')).toBeHidden();
    await screenshot(page, 'remote-content-always');

    // the page itself never requested anything outside the shell
    await page.waitForTimeout(500);
    expect(foreign).toEqual([]);
  } finally {
    await images.close();
  }
});
