import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const dashboardsDir = resolve(import.meta.dirname, '../../observability/grafana/dashboards');

export interface DashboardQuery {
  file: string;
  /** File, panel title and query ref, for messages. */
  where: string;
  datasource: unknown;
  /** The PromQL with Grafana's built-in variables replaced, as Prometheus would receive it. */
  expr: string;
}

interface Panel {
  title?: string;
  datasource?: unknown;
  panels?: Panel[];
  targets?: { refId?: string; expr?: string; datasource?: unknown }[];
}

// Values a healthy stack answers with data for; the range covers a short smoke run.
const builtins: Record<string, string> = {
  __rate_interval: '1m',
  __interval: '15s',
  __range: '5m',
};

/** Every query of every dashboard in the folder, including panels inside collapsed rows. */
export function dashboardQueries(): DashboardQuery[] {
  const queries: DashboardQuery[] = [];
  for (const file of readdirSync(dashboardsDir).filter((name) => name.endsWith('.json'))) {
    const dashboard = JSON.parse(readFileSync(join(dashboardsDir, file), 'utf8')) as {
      panels?: Panel[];
    };
    const visit = (panels: Panel[] = []) => {
      for (const panel of panels) {
        visit(panel.panels);
        for (const target of panel.targets ?? []) {
          queries.push({
            file,
            where: `${file} "${panel.title}" ${target.refId}`,
            datasource: target.datasource ?? panel.datasource,
            expr: (target.expr ?? '').replace(
              /\$\{(\w+)\}|\$(\w+)/g,
              (match, braced?: string, bare?: string) => builtins[braced ?? bare ?? ''] ?? match,
            ),
          });
        }
      }
    };
    visit(dashboard.panels);
  }
  return queries;
}
