import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { REPO_ROOT } from './pipeline.harness';

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** CPU time (user + system, ms) a process used so far; undefined when it is gone or not readable. */
function processCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces: fields are counted after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** The process and its descendants (ingest's cluster workers), from /proc/<pid>/task/<tid>/children. */
function withDescendants(pid: number): number[] {
  const found = [pid];
  for (let i = 0; i < found.length; i += 1) {
    try {
      for (const task of readdirSync(`/proc/${found[i]}/task`))
        for (const child of readFileSync(`/proc/${found[i]}/task/${task}/children`, 'utf8').split(' '))
          if (child.trim()) found.push(Number(child));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

const readPid = (file: string): number | undefined => {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Processes to measure, by label: a pid (with its child processes), the current process, or PostgreSQL's
 * backends of a database.
 */
export type MeteredProcess = { pid: number } | { self: true } | { postgresDatabase: string };

export type CpuSnapshot = Map<string, Map<number | 'self', number>>;

/**
 * CPU time per process of the pipeline (the apps, Kafka, Elasticsearch, this database's PostgreSQL
 * backends) between two snapshots: load-independent figures (ms of CPU per article) where wall-clock
 * throughput depends on what else the shared machine runs. Linux /proc only.
 */
export class CpuMeter {
  constructor(
    private readonly processes: () => Record<string, MeteredProcess | undefined>,
    private readonly pg: Client,
  ) {}

  /** Kafka and Elasticsearch as `infra/local` started them (its pid files). */
  static engines(stateDir = process.env.SITREP_STATE_DIR || join(REPO_ROOT, '.sitrep')) {
    const pid = (file: string) => {
      const found = readPid(join(stateDir, file));
      return found === undefined ? undefined : { pid: found };
    };
    return { kafka: pid('kafka/kafka.pid'), elasticsearch: pid('elasticsearch/es.pid') };
  }

  async snapshot(): Promise<CpuSnapshot> {
    const snapshot: CpuSnapshot = new Map();
    for (const [label, target] of Object.entries(this.processes())) {
      if (!target) continue;
      const times = new Map<number | 'self', number>();
      if ('self' in target) {
        const usage = process.cpuUsage();
        times.set('self', (usage.user + usage.system) / 1000);
      } else {
        const pids =
          'pid' in target
            ? withDescendants(target.pid)
            : (
                await this.pg.query(
                  `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
                  [target.postgresDatabase],
                )
              ).rows.map((row: { pid: number }) => row.pid);
        for (const pid of pids) {
          const ms = processCpuMs(pid);
          if (ms !== undefined) times.set(pid, ms);
        }
      }
      snapshot.set(label, times);
    }
    return snapshot;
  }

  /**
   * CPU ms per unit of work (e.g. per article) between two snapshots, per label and in total. A process
   * that appeared meanwhile counts from zero; one that ended counts up to its last snapshot (its last
   * moments are lost: PostgreSQL backends of a pool live long).
   */
  static perUnit(before: CpuSnapshot, after: CpuSnapshot, units: number): Array<[string, number]> {
    const rows: Array<[string, number]> = [];
    let total = 0;
    for (const [label, times] of after) {
      let ms = 0;
      for (const [pid, now] of times) ms += now - (before.get(label)?.get(pid) ?? 0);
      rows.push([label, ms / units]);
      total += ms;
    }
    rows.push(['total', total / units]);
    return rows;
  }

  static format(rows: Array<[string, number]>): string {
    return rows.map(([label, ms]) => `${label} ${ms.toFixed(2)}`).join(', ');
  }
}
