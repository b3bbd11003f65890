// A mailto: link handed to the browser shell as ?mailto=: the composer opens filled from it,
// its Bcc shown on a Bcc line of its own, and a header a link may not set (From) is ignored.
import { addAccountThroughUi, expect, test } from './fixtures';

test('the browser shell opens the composer from ?mailto=', async ({ page, shell, mailServer, user }) => {
  test.setTimeout(90_000);
  await page.goto(shell.url);
  await addAccountThroughUi(page, mailServer, user);

  const link =
    'mailto:anna@partner.example,bo@partner.example?cc=cecilia@partner.example&bcc=dora@partner.example&subject=Caf%C3%A9%20at%203&body=See%20you%0D%0Athere&from=evil@x.example';
  const [base, hash] = shell.url.split('#');
  await page.goto(`${base}?mailto=${encodeURIComponent(link)}#${hash}`);
  const composer = page.getByRole('dialog', { name: 'Compose' });
  await expect(composer).toBeVisible({ timeout: 20_000 });
  // the recipient fields turn addresses into chips (renderer/composer/RecipientInput.tsx)
  const chips = (field: string) =>
    composer.getByRole('list', { name: `${field} recipients`, exact: true }).getByRole('listitem');
  await expect(chips('To')).toHaveText(['anna@partner.example', 'bo@partner.example']);
  await expect(chips('Cc')).toHaveText(['cecilia@partner.example']);
  await expect(chips('Bcc')).toHaveText(['dora@partner.example']);
  await expect(composer.getByLabel('Subject', { exact: true })).toHaveValue('Café at 3');
  await expect(composer.getByRole('textbox', { name: 'Body' })).toContainText('See you');
  await expect(composer.getByRole('textbox', { name: 'Body' })).toContainText('there');
  await expect(composer).not.toContainText('evil@x.example');
  // the parameter is gone from the address, so a reload does not compose again
  expect(new URL(page.url()).searchParams.get('mailto')).toBeNull();
});
