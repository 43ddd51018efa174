/** The share card, `<slug>/card.png` (1200×630), for social media previews; for kinds with a card.hbs. */
import type { OutputFormat } from '../format.ts';

export const CARD_SIZE = { width: 1200, height: 630 };

export const card: OutputFormat = {
  name: 'card',
  description: 'the share card for social media (1200×630 PNG)',
  appliesTo: () => true,
  needs: ['card'],
  browser: true,
  noun: 'the share card',
  files: (s) => [`${s.folder}/card.png`],
  async render({ statement, views, browser }) {
    if (views.card === undefined || !browser) return { outputs: [] };
    const shot = await browser.printer.screenshot({ label: browser.label, ...browser.stage(views.card, 'card'), allowedRoots: browser.allowedRoots, ...CARD_SIZE, ...(browser.timeoutMs ? { timeoutMs: browser.timeoutMs } : {}) });
    return { outputs: [{ path: `${statement.folder}/card.png`, content: shot.png }], warnings: shot.warnings };
  },
};
