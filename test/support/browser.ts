import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { ensureDebianPackage } from './debian-package';

const CHROMIUM = '/usr/bin/chromium';
// Without a CJK font chromium draws the console's Chinese labels as boxes in the screenshots.
const CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

/**
 * Debian's chromium and a CJK font, installed once when missing (no browser download: npm and
 * Debian only).
 */
export function ensureChromium(): void {
  ensureDebianPackage(CHROMIUM, 'chromium');
  ensureDebianPackage(CJK_FONT, 'fonts-noto-cjk');
}

/** The console's production build, rebuilt only when its sources changed. */
export function buildConsole(): void {
  execFileSync(process.execPath, [join(__dirname, '..', '..', 'console', 'build.mjs')], {
    stdio: 'inherit',
  });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
