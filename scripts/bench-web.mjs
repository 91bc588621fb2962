#!/usr/bin/env node
/* global process, console, performance, sessionStorage */
// `npm run bench:web [-- --url http://127.0.0.1:3005 --key KEY --runs 10]`: how long the workspace's first
// views take in Debian's Chromium (playwright-core) against a running system (`npm start`, dev articles
// ingested): from navigation in a fresh browser context (cold cache) until the view's content is on screen.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

const args = Object.fromEntries(
  process.argv
    .slice(2)
    .reduce(
      (pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs),
      [],
    ),
);
const base = (args.url ?? `http://127.0.0.1:${process.env.WEB_PORT ?? 3005}`).replace(/\/$/, '');
const key = args.key ?? process.env.SITREP_API_KEY ?? 'bench';
const runs = Number(args.runs ?? 10);
const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (path) => path && existsSync(path),
);
if (!executablePath) {
  console.error('no Chromium: apt-get install chromium, or set CHROMIUM_PATH');
  process.exit(1);
}

const views = [
  { name: 'search "Korut"', path: '/?q=Korut', ready: 'ul.results a' },
  { name: 'actor PRK timeline', path: '/actors/PRK', ready: 'article.event' },
  { name: 'actor PRK chart', path: '/actors/PRK', ready: '.chart canvas' },
  { name: 'network', path: '/network', ready: '.edges tbody tr' },
];

const browser = await chromium.launch({
  executablePath,
  args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '--disable-dev-shm-usage'],
});
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
console.log(`workspace ${base}, ${runs} cold runs per view (fresh context each)`);
for (const view of views) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript((k) => {
      sessionStorage.setItem('sitrep.apiKey', k);
      sessionStorage.setItem('sitrep.scopes', JSON.stringify(['read']));
    }, key);
    const page = await context.newPage();
    const started = performance.now();
    await page.goto(`${base}${view.path}`);
    await page.locator(view.ready).first().waitFor({ timeout: 30_000 });
    times.push(performance.now() - started);
    await context.close();
  }
  times.sort((a, b) => a - b);
  console.log(
    `${view.name.padEnd(22)} p50 ${pct(times, 50).toFixed(0)} ms  p95 ${pct(times, 95).toFixed(0)} ms  max ${times[times.length - 1].toFixed(0)} ms`,
  );
}
await browser.close();
