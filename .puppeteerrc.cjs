/**
 * Clarion prints with a Chromium found on the machine (see src/print/find-chromium.ts),
 * so installing dependencies never downloads a browser.
 */
module.exports = { skipDownload: true };
