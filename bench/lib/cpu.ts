import { readdirSync, readFileSync } from 'node:fs';

const ticksPerSecond = 100; // getconf CLK_TCK on Linux
const pageBytes = 4096;

interface ProcStat {
  ticks: number;
  rssBytes: number;
}

function readStat(pid: number): ProcStat | undefined {
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

/** Backends connected to `database`: their process title names it. */
function postgresBackends(database: string): number[] {
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

export interface CpuUsage {
  /** Percent of one core over the sampled interval, per group. */
  percent: Record<string, number>;
  /** Highest RSS seen per named pid. */
  maxRssBytes: Record<string, number>;
}

export interface CpuSampler {
  stop: () => CpuUsage;
}

/**
 * Samples utime+stime of the named pids and of every Postgres backend of `database` twice a
 * second. Backends that appear mid-run count from zero; those that exit keep their last sample.
 */
export function sampleCpu(pids: Record<string, number>, database: string): CpuSampler {
  const started = process.hrtime.bigint();
  const first = new Map<string, number>();
  const last = new Map<string, number>();
  const maxRssBytes: Record<string, number> = {};
  const groups = new Map<string, string>();

  const poll = (initial: boolean) => {
    const targets: [string, string, number][] = Object.entries(pids).map(([name, pid]) => [
      `${name}:${pid}`,
      name,
      pid,
    ]);
    for (const pid of postgresBackends(database)) targets.push([`pg:${pid}`, 'postgres', pid]);
    for (const [key, group, pid] of targets) {
      const stat = readStat(pid);
      if (!stat) continue;
      groups.set(key, group);
      if (!first.has(key)) first.set(key, initial ? stat.ticks : 0);
      last.set(key, stat.ticks);
      if (group !== 'postgres')
        maxRssBytes[group] = Math.max(maxRssBytes[group] ?? 0, stat.rssBytes);
    }
  };
  poll(true);
  const timer = setInterval(() => poll(false), 500);

  return {
    stop: () => {
      clearInterval(timer);
      poll(false);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const percent: Record<string, number> = { postgres: 0 };
      for (const group of Object.keys(pids)) percent[group] = 0;
      for (const [key, group] of groups) {
        const ticks = (last.get(key) ?? 0) - (first.get(key) ?? 0);
        percent[group] = (percent[group] ?? 0) + (ticks / ticksPerSecond / seconds) * 100;
      }
      return { percent, maxRssBytes };
    },
  };
}
