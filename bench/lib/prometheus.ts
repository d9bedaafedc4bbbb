/** Just enough of the Prometheus text format to read counters, gauges and histograms. */

export interface Sample {
  name: string;
  labels: string;
  value: number;
}

export function parseMetrics(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(\{[^}]*\})?\s+(\S+)/.exec(line);
    const [, name, labels = '', value] = match ?? [];
    if (name && value) samples.push({ name, labels, value: Number(value) });
  }
  return samples;
}

/** GET /metrics, or null while the process has no (Prometheus) metrics endpoint. */
export async function scrape(baseUrl: string): Promise<Sample[] | null> {
  try {
    const response = await fetch(`${baseUrl}/metrics`, { signal: AbortSignal.timeout(2_000) });
    return response.ok ? parseMetrics(await response.text()) : null;
  } catch {
    return null;
  }
}

/** Sum of every series of `name`, or null when absent. */
export function total(samples: readonly Sample[], name: string): number | null {
  const series = samples.filter((sample) => sample.name === name);
  return series.length === 0 ? null : series.reduce((sum, sample) => sum + sample.value, 0);
}

/**
 * A quantile of what a histogram observed between two scrapes (all label sets summed),
 * interpolated linearly inside the bucket, as Prometheus' histogram_quantile does.
 */
export function quantileBetween(
  before: readonly Sample[],
  after: readonly Sample[],
  name: string,
  q: number,
  /** Only series whose labels contain this, e.g. `job_type="authorize-payment"`. */
  labelFilter = '',
): number | null {
  const buckets = (samples: readonly Sample[]) => {
    const byBound = new Map<number, number>();
    for (const sample of samples) {
      if (sample.name !== `${name}_bucket` || !sample.labels.includes(labelFilter)) continue;
      const le = /le="([^"]+)"/.exec(sample.labels)?.[1];
      if (le === undefined) continue;
      const bound = le === '+Inf' ? Number.POSITIVE_INFINITY : Number(le);
      byBound.set(bound, (byBound.get(bound) ?? 0) + sample.value);
    }
    return byBound;
  };
  const start = buckets(before);
  const counts = [...buckets(after)]
    .map(([bound, count]) => [bound, count - (start.get(bound) ?? 0)] as const)
    .sort((a, b) => a[0] - b[0]);
  const observed = counts.at(-1)?.[1] ?? 0;
  if (observed === 0) return null;
  const rank = q * observed;
  let lowerBound = 0;
  let lowerCount = 0;
  for (const [bound, count] of counts) {
    if (count >= rank) {
      if (!Number.isFinite(bound)) return lowerBound;
      return lowerBound + ((bound - lowerBound) * (rank - lowerCount)) / (count - lowerCount || 1);
    }
    lowerBound = bound;
    lowerCount = count;
  }
  return lowerBound;
}
