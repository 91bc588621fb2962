import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export type Engine = 'kafka' | 'elasticsearch' | 'postgres';

const REPO_ROOT = join(__dirname, '..', '..', '..');
export const INFRA_LOCAL = join(REPO_ROOT, 'infra', 'local');

export const infraLocalExists = (): boolean => existsSync(INFRA_LOCAL);

/** Runs `infra/local <command> [engines]` and throws with its output when it fails. */
export function infraLocal(command: 'up' | 'down' | 'status', ...engines: Engine[]): string {
  const result = spawnSync(INFRA_LOCAL, [command, ...engines], { encoding: 'utf8', timeout: 300_000 });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0 && command !== 'status') {
    throw new Error(`infra/local ${command} ${engines.join(' ')} failed (${result.status}): ${output}`);
  }
  return output;
}

/** Polls `probe` until it returns true; throws with `what` after `timeoutMs`. */
export async function waitUntil(
  probe: () => Promise<boolean>,
  what: string,
  timeoutMs = 60_000,
  intervalMs = 500,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await probe().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
