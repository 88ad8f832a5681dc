// Regenerates docs/screenshot.png, the picture at the top of the README:
// article 004 in the reader, entities highlighted and one person's card
// open, at a desktop size.
//
//   node tests/browser/readme-screenshot.mjs     (after scripts/build)

import path from 'node:path';
import { ROOT, startApp, openPage, load } from './harness.mjs';

const app = await startApp();
try {
  const { page, close } = await openPage(app, { viewport: { width: 1100, height: 820 } });
  await load(app, page, '?article=004_3318bfcccd3f0c62');
  // Open the card of the first person mentioned.
  const person = page.locator('article.reader .body .mention[data-type="PERSON"]').first();
  await person.hover();
  await page.locator('[role="dialog"]').first().waitFor();
  await page.screenshot({ path: path.join(ROOT, 'docs/screenshot.png') });
  await close();
} finally {
  await app.close();
}
console.log('wrote docs/screenshot.png');
