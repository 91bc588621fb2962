import { existsSync } from 'node:fs';
import { Browser, chromium } from 'playwright-core';

/** Where Debian's Chromium lives (scripts/ensure-deps.sh installs it); CHROMIUM_PATH wins. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    (path): path is string => !!path,
  );
  const found = candidates.find((path) => existsSync(path));
  if (!found)
    throw new Error(
      `no Chromium at ${candidates.join(', ')}: run scripts/ensure-deps.sh (apt-get install chromium) or set CHROMIUM_PATH`,
    );
  return found;
}

/** Headless Chromium driven by playwright-core (no browser download: Debian's package). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    // As root (CI containers) Chromium refuses to start with its sandbox; /dev/shm is small in containers.
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '--disable-dev-shm-usage', '--disable-gpu'],
  });
}
