/**
 * Just enough PromQL lexing to find which metrics and labels an expression uses.
 * Not a full parser: it removes what cannot be a metric name (strings, numbers,
 * durations, Grafana variables, grouping clauses, function calls, keywords).
 */

/** Keywords and operators that look like identifiers but are never metric names. */
const KEYWORDS = new Set([
  'and',
  'or',
  'unless',
  'bool',
  'offset',
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'inf',
  'nan',
  'atan2',
  // Aggregations may be written as `sum by (x) (...)`: after grouping removal they are followed by `(`
  // anyway, but `topk`-style `count_values("l", x)` etc. stay covered here too.
  'sum',
  'min',
  'max',
  'avg',
  'group',
  'stddev',
  'stdvar',
  'count',
  'count_values',
  'bottomk',
  'topk',
  'quantile',
  'limitk',
  'limit_ratio',
]);

const GROUPING = /\b(by|without|on|ignoring|group_left|group_right)\s*\(([^)]*)\)/g;

export interface Selector {
  metric: string;
  /** Label names used in `{...}` matchers. */
  labels: string[];
}

export interface ExprUsage {
  selectors: Selector[];
  /** Label names in by/without/on/ignoring/group_* clauses. */
  groupingLabels: string[];
}

function stripNoise(expr: string): string {
  return (
    expr
      // Strings (label values, count_values labels) can hold anything.
      .replace(/"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|`[^`]*`/g, '""')
      // Grafana variables: $__rate_interval, ${route}, [[var]].
      .replace(/\$\{[^}]*\}|\$\w+|\[\[[^\]]*\]\]/g, '')
      // Range and subquery selectors: [5m], [1h:1m].
      .replace(/\[[^\]]*\]/g, '')
      // Comments.
      .replace(/#[^\n]*/g, '')
  );
}

export function analyseExpr(expr: string): ExprUsage {
  let text = stripNoise(expr);
  const groupingLabels: string[] = [];
  text = text.replace(GROUPING, (_match, _keyword: string, labels: string) => {
    groupingLabels.push(
      ...labels
        .split(',')
        .map((label) => label.trim())
        .filter(Boolean),
    );
    return ' ';
  });

  const selectors: Selector[] = [];
  // Tokens: identifiers, numbers, durations, and `{...}` matcher blocks.
  const token = /\{[^}]*\}|[\w.:]+/g;
  let match: RegExpExecArray | null;
  while ((match = token.exec(text)) !== null) {
    const word = match[0];
    if (word.startsWith('{')) {
      // A bare `{...}` selector (no name before it) cannot be checked by name.
      continue;
    }
    if (!/^[a-zA-Z_:][\w:]*$/.test(word) || KEYWORDS.has(word)) continue;
    const rest = text.slice(token.lastIndex);
    if (/^\s*\(/.test(rest)) continue; // a function call
    const matchers = /^\s*(\{[^}]*\})/.exec(rest);
    const labels = matchers
      ? [...(matchers[1] ?? '').matchAll(/([a-zA-Z_]\w*)\s*(?:=~|!~|!=|=)/g)].map((m) => m[1] ?? '')
      : [];
    if (matchers) token.lastIndex += matchers[0].length;
    selectors.push({ metric: word, labels });
  }
  return { selectors, groupingLabels };
}
