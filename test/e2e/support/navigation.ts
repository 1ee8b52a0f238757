/** Moving between the app's screens as a user does: the main navigation, then its heading. */
import type { Page } from 'playwright-core';

/** Opens the screen whose navigation button starts with `screen`, waiting for its heading. */
export async function goTo(page: Page, screen: string, heading = screen): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: new RegExp(`^${screen}`) })
    .click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}
