import { readdirSync, readFileSync } from 'node:fs';

const ticksPerSecond = 100; // getconf CLK_TCK on Linux
const pageBytes = 4096;

function readStat(pid: number): { ticks: number; rssBytes: number } | undefined {
  try {
    const line = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at field 3.
    const fields = line.slice(line.lastIndexOf(')') + 2).split(' ');
    return {
      ticks: Number(fields[11]) + Number(fields[12]),
      rssBytes: Number(fields[21]) * pageBytes,
    };
  } catch {
    return undefined;
  }
}

/** Postgres backends serving `database`: their process title names it. */
export function postgresBackends(database: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const title = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (title.startsWith('postgres: ') && title.includes(` ${database} `))
        pids.push(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  return pids;
}

export interface Usage {
  /** Percent of one core, averaged over the sampled window. */
  cpuPercent: number;
  cpuSeconds: number;
  /** Length of the sampled window. */
  seconds: number;
  /** Highest RSS of one process of the group. */
  maxRssMb: number;
}

/**
 * Samples utime+stime of named groups of processes; a group's pids may change (a restarted
 * process, a new Postgres backend): each pid counts from its first sample.
 */
export function sampleUsage(groups: () => Record<string, number[]>, intervalMs = 500) {
  const started = process.hrtime.bigint();
  const last = new Map<number, number>();
  const ticks = new Map<string, number>();
  const rss = new Map<string, number>();
  const poll = () => {
    for (const [name, pids] of Object.entries(groups())) {
      for (const pid of pids) {
        const stat = readStat(pid);
        if (!stat) continue;
        const previous = last.get(pid);
        last.set(pid, stat.ticks);
        if (previous !== undefined) ticks.set(name, (ticks.get(name) ?? 0) + stat.ticks - previous);
        else ticks.set(name, ticks.get(name) ?? 0);
        rss.set(name, Math.max(rss.get(name) ?? 0, stat.rssBytes));
      }
    }
  };
  poll();
  const timer = setInterval(poll, intervalMs);
  return {
    stop: (): Record<string, Usage> => {
      poll();
      clearInterval(timer);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      return Object.fromEntries(
        [...ticks].map(([name, total]) => [
          name,
          {
            cpuPercent: (total / ticksPerSecond / seconds) * 100,
            cpuSeconds: total / ticksPerSecond,
            seconds,
            maxRssMb: (rss.get(name) ?? 0) / 1_048_576,
          },
        ]),
      );
    },
  };
}
