// Hostile mail: script tags, on* handlers, javascript: links, remote images, CSS url() beacons,
// forms, meta refresh and SVG with script run no script and make no request, and the
// blocked-content bar shows. Every request the page makes is recorded: only the shell's own
// origin may appear.
import { appendMessage } from '../mailserver/imap-helpers';
import { buildMessage } from '../mailserver/message-samples';
import { addAccountThroughUi, expect, screenshot, test } from './fixtures';

const beaconHtml =
  `<html><head><meta http-equiv="refresh" content="0;url=https://evil.example/refresh">` +
  `<style>@import url("https://evil.example/import.css"); body { background: url(https://evil.example/bg.png) }` +
  ` .x { background-image: url('//evil.example/protocol-relative.png') }</style></head>` +
  `<body><p class="x" style="background:url(https://evil.example/inline-style.png)">Beacon test body</p>` +
  `<svg xmlns="http://www.w3.org/2000/svg"><script>parent.postMessage('svg-script','*');alert('svg')</script>` +
  `<image href="https://evil.example/svg-image.png"/></svg>` +
  `<img srcset="https://evil.example/srcset.png 2x"><video poster="https://evil.example/poster.png"></video>` +
  `<link rel="stylesheet" href="https://evil.example/link.css">` +
  `<a href="javascript:alert('js-link')" id="jslink">click</a>` +
  `<form action="https://evil.example/steal"><input name="q"><button id="submit">Go</button></form>` +
  `<img src="https://tracker.evil.example/open.gif">` +
  `</body></html>`;

function beaconMessage(): Buffer {
  return Buffer.from(
    `From: Tracker <news@evil.example>\r\nTo: you@example.test\r\nSubject: Beacons everywhere\r\n` +
      `Date: Tue, 03 Mar 2026 10:00:00 +0000\r\nMessage-ID: <beacons@evil.example>\r\nMIME-Version: 1.0\r\n` +
      `Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n` +
      Buffer.from(beaconHtml).toString('base64').replace(/.{76}/g, '$&\r\n') +
      '\r\n',
  );
}

test('hostile messages run no script, make no request, and show the blocked-content bar', async ({
  page,
  shell,
  mailServer,
  user,
}) => {
  const hostile = buildMessage('hostile-html', 1);
  await appendMessage(mailServer, user, hostile.raw, 'INBOX');
  await appendMessage(mailServer, user, beaconMessage(), 'INBOX');

  const origin = new URL(shell.url).origin;
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:') && url !== 'about:srcdoc')
      foreign.push(url);
  });
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const consoleErrors: string[] = [];
  page.on('console', (msg) => msg.type() === 'error' && consoleErrors.push(msg.text()));

  await page.goto(shell.url);
  await page.evaluate(() => {
    (window as unknown as { __posted: unknown[] }).__posted = [];
    window.addEventListener('message', (e) => (window as unknown as { __posted: unknown[] }).__posted.push(e.data));
  });
  await addAccountThroughUi(page, mailServer, user);
  const list = page.getByRole('listbox', { name: 'Messages' });
  const reader = page.getByRole('region', { name: 'Message' });
  const frame = reader.frameLocator('iframe[title="Message body"]');

  for (const subject of [hostile.expected.subject, 'Beacons everywhere']) {
    await list.getByRole('option', { name: new RegExp(subject) }).click();
    await expect(reader.getByText('Remote content blocked')).toBeVisible();
    await expect(reader.getByRole('button', { name: 'Load once' })).toBeVisible();
    await expect(reader.getByRole('button', { name: 'Always for this sender' })).toBeVisible();
    await expect(frame.locator('body')).toContainText(
      subject === 'Beacons everywhere' ? 'Beacon test body' : 'Quarterly report',
    );
    const html = await frame.locator('html').evaluate((el) => el.outerHTML);
    for (const bad of [
      '<script',
      'onload=',
      'onerror=',
      'javascript:',
      '<form',
      '<iframe',
      '<object',
      '<embed',
      '<link',
      '@import',
      'srcset=',
      'poster=',
    ])
      expect(html, `sanitized body must not contain ${bad}`).not.toContain(bad);
    // remote references survive only as links a person may click (opened outside the app)
    expect(html).not.toMatch(/src=["']?(https?:)?\/\//);
    expect(html).not.toMatch(/url\(\s*["']?(https?:)?\/\//);
  }
  await screenshot(page, 'hostile-blocked');
  // give any delayed request, refresh or script a chance to show itself
  await page.waitForTimeout(1_500);
  expect(foreign).toEqual([]);
  expect(dialogs).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __posted: unknown[] }).__posted)).toEqual([]);
  // the page is still the app (no meta refresh navigated anything)
  expect(new URL(page.url()).origin).toBe(origin);
});
