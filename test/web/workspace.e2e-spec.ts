/**
 * The analysts' workspace in a real browser (Debian's Chromium driven by playwright-core) against the real
 * system: ingest, extractor, indexer and api as child processes, alerts and web in-process, the real
 * engines, with the seed and dev articles ingested. Screenshots of the main views go to
 * WEB_SCREENSHOTS_DIR (default .sitrep/screenshots; docs/screenshots holds a committed set).
 */
import AxeBuilder from '@axe-core/playwright';
import { createTestApiKey, TestApiKey, waitUntil } from '@sitrep/testing';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PipelineHarness, readDevArticles, uniqueBody } from '../pipeline/support/pipeline.harness';
import { AlertsTestApp, startAlertsApp } from '../alerts/support/alerts-app';
import { launchChromium } from './support/browser';
import { buildWebClient, REPO_ROOT, startWebApp, WebTestApp } from './support/web-app';

jest.setTimeout(600_000);

const SCREENSHOTS = resolve(REPO_ROOT, process.env.WEB_SCREENSHOTS_DIR || join('.sitrep', 'screenshots'));
const UI_TIMEOUT = 60_000;

interface TimelineItem {
  id: string;
  type: string;
  source: string | null;
  target: string | null;
  claim_count: number;
  outlets: string[];
}
interface ClusterDetail {
  claims: Array<{ id: string; evidence: { text: string }; article: { id: string; outlet: string | null } }>;
}

const [seed] = readDevArticles('seed.jsonl');
const devArticles = readDevArticles('articles.jsonl');

describe('analyst workspace (browser)', () => {
  const harness = new PipelineHarness('web');
  let alerts: AlertsTestApp;
  let web: WebTestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** An analyst (reads, rules, curation), the article feed (ingest) and a read-only reader. */
  let analyst: TestApiKey;
  let feeder: TestApiKey;
  let reader: TestApiKey;

  const api = async <T>(path: string): Promise<T> =>
    (await (await fetch(harness.url('api', path), { headers: analyst.headers })).json()) as T;
  async function signIn(target: Page, key: TestApiKey): Promise<void> {
    await target.goto(web.url('/'));
    await target.getByLabel('API key').fill(key.key);
    await target.getByRole('button', { name: 'Sign in' }).click();
    await target.getByRole('navigation', { name: 'Main' }).waitFor();
  }
  const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
  async function noSeriousViolations(view: string): Promise<void> {
    const result = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    const serious = result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${view}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious).toEqual([]);
  }
  async function postArticle(article: {
    url: string;
    raw: string;
    language?: string | null;
    published_at?: string;
  }) {
    const response = await fetch(harness.url('ingest', '/v1/articles'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...feeder.headers },
      body: JSON.stringify({
        url: article.url,
        raw: article.raw,
        ...(article.language ? { language: article.language } : {}),
        ...(article.published_at ? { published_at: article.published_at } : {}),
      }),
    });
    return response.status;
  }

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    [analyst, feeder, reader] = await Promise.all([
      createTestApiKey(['read', 'alerts'], { name: `analyst ${process.pid}` }),
      createTestApiKey(['ingest'], { name: `feed ${process.pid}` }),
      createTestApiKey(['read'], { name: `reader ${process.pid}` }),
    ]);
    buildWebClient();
    await harness.prepare();
    await harness.startAll(['ingest', 'extractor', 'indexer', 'api']);
    alerts = await startAlertsApp({
      ALERTS_TOPIC: harness.topics.claims,
      ALERTS_GROUP_ID: `sitrep-alerts-web-test-${harness.runId}`,
    });
    web = await startWebApp({
      api: harness.url('api', ''),
      ingest: harness.url('ingest', ''),
      alerts: alerts.url(''),
    });
    // The seed and the dev articles, each under a URL path of this run (ingest drops fragments, and the
    // test database keeps earlier runs' articles); one dev article may be refused: counted below.
    const statuses = await Promise.all(
      [seed, ...devArticles].map((article, i) =>
        postArticle({
          url: `${article.url.replace(/\/?$/, '')}/web-${harness.runId}-${i}`,
          raw: uniqueBody(article.raw, `web ${harness.runId}`),
          language: article.language,
        }),
      ),
    );
    expect(statuses.filter((status) => status === 202).length).toBeGreaterThanOrEqual(devArticles.length);
    await waitUntil(
      async () => {
        const page = await api<{ items: TimelineItem[] }>(
          '/v1/actors/PRK/timeline?types=arms_transfer&counterpart=RUS&role=source&limit=100',
        );
        return page.items.some((item) => item.outlets.includes('rmol.id'));
      },
      'the seed arms transfer PRK -> RUS on the PRK timeline',
      300_000,
      1000,
    );
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(UI_TIMEOUT);
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await alerts?.close();
    await harness.stopAll();
    await harness.dropTopics();
  });

  it('should sign in with an API key and find North Korea by "Korut"', async () => {
    await page.goto(web.url('/'));
    await page.getByLabel('API key').fill('sitrep_not-a-key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('401').waitFor();
    await signIn(page, analyst);
    await page.getByLabel('Name or alias, any language').fill('Korut');
    await page.keyboard.press('Enter');
    const result = page.getByRole('link', { name: /North Korea/ });
    await result.waitFor();
    expect(await page.getByText('matched “Korut”').count()).toBe(1);
    await shot('search');
    await noSeriousViolations('search');
    for (const alias of ['DPRK', 'Pyongyang']) {
      await page.goto(web.url(`/?q=${alias}`));
      // The results arrive after the page: wait for the link to show (fails if it never does), not an
      // instant isVisible() that raced the search.
      await page
        .getByRole('link', { name: /North Korea \(PRK/ })
        .first()
        .waitFor({ state: 'visible' });
    }
    await page.goto(web.url('/?q=Korut'));
    await page.getByRole('link', { name: /North Korea/ }).click();
    await page.waitForURL(/\/actors\/PRK$/);
  });

  it('should show the PRK timeline newest first, grouped by month, with the chart and the filters', async () => {
    await page.locator('article.event').first().waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('North Korea (PRK)');
    const months = await page.locator('section.month h3').allTextContents();
    expect(months.length).toBeGreaterThan(0);
    const parsed = months.map((m) => Date.parse(`1 ${m}`));
    expect([...parsed].sort((a, b) => b - a)).toEqual(parsed);
    await page.locator('.chart canvas').waitFor();
    await shot('actor-timeline');
    await noSeriousViolations('actor timeline');

    // Filters go to the API: arms transfers with Russia only.
    await page.getByText('Filters', { exact: true }).click();
    await page.getByLabel('Counterpart actor id').fill('RUS');
    await page.getByRole('checkbox', { name: 'arms transfer' }).check();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/counterpart=RUS/);
    // The list is replaced once the filtered page arrives: wait for it rather than read the old one.
    const typesShown = () =>
      page.locator('article.event').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-type')));
    await waitUntil(
      async () => {
        const types = await typesShown();
        return types.length > 0 && types.every((type) => type === 'arms_transfer');
      },
      'the filtered timeline',
      60_000,
    );
  });

  it('should open the arms-transfer cluster and see its evidence sentence highlighted in the article', async () => {
    const timeline = await api<{ items: TimelineItem[] }>(
      '/v1/actors/PRK/timeline?types=arms_transfer&counterpart=RUS&role=source&limit=100',
    );
    const cluster = timeline.items.find((item) => item.outlets.includes('rmol.id'))!;
    await page.locator(`article.event[data-cluster="${cluster.id}"] h4 a`).click();
    await page.waitForURL(new RegExp(`/clusters/${cluster.id}$`));
    const detail = await api<ClusterDetail>(`/v1/clusters/${cluster.id}`);
    const claim = detail.claims.find((c) => c.article.outlet === 'rmol.id')!;
    const card = page.locator(`article.claim[data-claim="${claim.id}"]`);
    await card.waitFor();
    expect(await card.locator('blockquote.evidence').textContent()).toBe(claim.evidence.text);
    await shot('cluster');
    await noSeriousViolations('cluster');

    await card.getByRole('link', { name: /Open the article/ }).click();
    await page.waitForURL(new RegExp(`/articles/${claim.article.id}`));
    const marks = page.locator('mark.evidence-mark.focus');
    await marks.first().waitFor();
    // The evidence sentence, highlighted in place (split only where an actor mention sits inside it).
    expect((await marks.allTextContents()).join('')).toBe(claim.evidence.text);
    expect(await page.locator('.article-text .actor').count()).toBeGreaterThan(0);
    // Scraped text is text: no element of the page came from the article.
    expect(await page.locator('.article-text script, .article-text img, .article-text a').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'original' }).getAttribute('href')).toContain('rmol.id');
    await marks.first().scrollIntoViewIfNeeded();
    await shot('article-evidence');
    await noSeriousViolations('article');
  });

  it('should draw the arms-transfer network and list the clusters of a link', async () => {
    await page.getByRole('link', { name: 'Network' }).click();
    const row = page.locator('.edges tbody tr', { hasText: 'PRK' }).filter({ hasText: 'RUS' }).first();
    await row.waitFor();
    await page.locator('.graph canvas').first().waitFor();
    await row.getByRole('button').click();
    const links = page.getByRole('region', { name: /arms transfer: PRK → RUS/ }).getByRole('link');
    await links.first().waitFor();
    expect(await links.count()).toBeGreaterThan(0);
    await shot('network');
    await noSeriousViolations('network');
  });

  it('should refuse a rule that cannot match with the reason next to the field, then create it', async () => {
    await page.getByRole('link', { name: 'Rules' }).click();
    const name = `PRK arms ${harness.runId}`;
    await page.getByLabel('Name').fill(name);
    await page.getByLabel('Any of these actors').fill('PRK, XXQ');
    await page.getByRole('checkbox', { name: 'arms transfer' }).check();
    await page.getByRole('button', { name: 'Create rule' }).click();
    const fieldError = page.locator('#actors_any-error');
    await fieldError.waitFor();
    expect(await fieldError.textContent()).toContain("unknown actor id 'XXQ'");
    expect(await page.getByLabel('Any of these actors').getAttribute('aria-invalid')).toBe('true');
    await shot('rule-validation');
    await noSeriousViolations('rules');

    await page.getByLabel('Any of these actors').fill('PRK');
    await page.getByRole('button', { name: 'Test against recent events' }).click();
    await page.getByRole('heading', { name: /Would match \d+ of the \d+ most recent events/ }).waitFor();
    await page.getByRole('button', { name: 'Create rule' }).click();
    await page.getByText(`Saved rule “${name}”.`).waitFor();
    await page.locator('ul.rules li', { hasText: name }).waitFor();
  });

  it('should show a new alert live after an article is posted', async () => {
    await page.getByRole('link', { name: 'Live alerts' }).click();
    await page.getByText('Stream: live').waitFor();
    const before = await page.locator('li.alert').count();
    // A seed copy in a month of its own opens new clusters, which the rule above alerts on.
    const status = await postArticle({
      url: `https://rmol.id/web-live-${harness.runId}`,
      raw: uniqueBody(seed.raw, `live ${harness.runId}`),
      language: seed.language,
      published_at: '2017-03-09T08:00:00+07:00',
    });
    expect(status).toBe(202);
    await waitUntil(
      async () => (await page.locator('li.alert').count()) > before,
      'a live alert in the page',
      180_000,
      500,
    );
    expect(await page.locator('li.alert').first().textContent()).toMatch(/→/);
    await shot('alerts-live');
    await noSeriousViolations('alerts');
  });

  it('should mark a claim wrong and see its event leave the timeline, kept in the audit list', async () => {
    const timeline = await api<{ items: TimelineItem[] }>('/v1/actors/PRK/timeline?limit=100&order=desc');
    const single = timeline.items.find((item) => item.claim_count === 1)!;
    expect(single).toBeDefined();
    await page.goto(web.url(`/clusters/${single.id}`));
    const card = page.locator('article.claim').first();
    await card.waitFor();
    await card
      .getByLabel('Reason (required to mark wrong)')
      .fill(`the sentence says something else (${harness.runId})`);
    await card.getByRole('button', { name: 'Mark wrong' }).click();
    await page.getByText('Marked wrong').waitFor();

    await page.goto(web.url('/actors/PRK'));
    await page.locator('article.event').first().waitFor();
    expect(await page.locator(`article.event[data-cluster="${single.id}"]`).count()).toBe(0);
    const after = await api<{ items: TimelineItem[] }>('/v1/actors/PRK/timeline?limit=100&order=desc');
    expect(after.items.map((item) => item.id)).not.toContain(single.id);

    await page.getByRole('link', { name: 'Curation' }).click();
    await page.getByRole('cell', { name: `the sentence says something else (${harness.runId})` }).waitFor();
    await shot('curation');
    await noSeriousViolations('curation');
  });

  it('should be usable by keyboard and readable at phone width', async () => {
    await page.goto(web.url('/actors/PRK'));
    await page.locator('article.event').first().waitFor();
    // After navigation the view's heading has the focus; backwards from it, the header's links and the skip link.
    expect(await page.evaluate('document.activeElement?.tagName')).toBe('H1');
    const visited: string[] = [];
    for (let i = 0; i < 15 && visited[visited.length - 1] !== 'Skip to content'; i++) {
      await page.keyboard.press('Shift+Tab');
      visited.push(String(await page.evaluate('document.activeElement?.textContent')));
    }
    expect(visited).toEqual(
      expect.arrayContaining(['Curation', 'Rules', 'Live alerts', 'Network', 'Search']),
    );
    expect(visited[visited.length - 1]).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate('location.hash')).toBe('#main');
    await page.setViewportSize({ width: 390, height: 844 });
    // The chart redraws at the new width on its own (ResizeObserver): wait for it, then no sideways scroll.
    await waitUntil(
      async () =>
        (await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth')) <= 0,
      'no horizontal scrolling at 390 px',
      15_000,
    );
    await shot('actor-timeline-phone');
    await noSeriousViolations('phone');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('should show a read-only key no rule editing, no live alerts and no curation buttons', async () => {
    const readOnly = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    readOnly.setDefaultTimeout(UI_TIMEOUT);
    try {
      await signIn(readOnly, reader);
      const nav = readOnly.getByRole('navigation', { name: 'Main' });
      expect(await nav.getByRole('link', { name: 'Rules' }).count()).toBe(0);
      expect(await nav.getByRole('link', { name: 'Live alerts' }).count()).toBe(0);
      await readOnly.goto(web.url('/rules'));
      await readOnly.getByText('Your key cannot see or change alert rules').waitFor();
      expect(await readOnly.getByRole('button', { name: 'Create rule' }).count()).toBe(0);
      const timeline = await api<{ items: TimelineItem[] }>('/v1/actors/PRK/timeline?limit=1&order=desc');
      await readOnly.goto(web.url(`/clusters/${timeline.items[0].id}`));
      await readOnly.locator('article.claim').first().waitFor();
      expect(await readOnly.getByRole('button', { name: 'Mark wrong' }).count()).toBe(0);
      // The apps refuse the same: the scopes are enforced where the data is.
      const refused = await fetch(web.url('/api/alerts/v1/alert-rules'), { headers: reader.headers });
      expect(refused.status).toBe(403);
    } finally {
      await readOnly.close();
    }
  });
});
