import { parser } from '@prometheus-io/lezer-promql';

export interface Selector {
  metric: string;
  /** Label names used in `{...}` matchers. */
  labels: string[];
}

export interface ExprUsage {
  selectors: Selector[];
  /** Label names in by/without/on/ignoring/group_* clauses. */
  groupingLabels: string[];
  /** Offsets where Prometheus' grammar rejects the expression. */
  errors: number[];
}

/** The metrics and labels a PromQL expression uses, read with Prometheus' own grammar. */
export function analyseExpr(expr: string): ExprUsage {
  const usage: ExprUsage = { selectors: [], groupingLabels: [], errors: [] };
  let selector: Selector | undefined;
  parser.parse(expr).iterate({
    enter(node) {
      const parent = node.node.parent?.name;
      if (node.type.isError) usage.errors.push(node.from);
      else if (node.name === 'VectorSelector') {
        selector = { metric: '', labels: [] };
        usage.selectors.push(selector);
      } else if (node.name === 'Identifier' && parent === 'VectorSelector' && selector) {
        selector.metric = expr.slice(node.from, node.to);
      } else if (node.name === 'LabelName' && parent === 'UnquotedLabelMatcher' && selector) {
        selector.labels.push(expr.slice(node.from, node.to));
      } else if (node.name === 'LabelName' && parent === 'GroupingLabels') {
        usage.groupingLabels.push(expr.slice(node.from, node.to));
      }
    },
  });
  return usage;
}
