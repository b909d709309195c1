// Routing rules: (category, regency or any) → agency. The most specific rule wins (a rule
// for the complaint's regency beats a province-wide one), then the lowest rank.

/** Events after which the consumer routes the complaint (suggestion, duplicates, maybe a forward). */
export const ROUTED_EVENTS = ['submitted', 'returned'] as const;
export const isRoutedEvent = (type: string) => (ROUTED_EVENTS as readonly string[]).includes(type);

export interface RoutingRule {
  categoryId: number;
  regencyCode: string | null;
  agencyId: number;
  rank: number;
  autoForward: boolean;
  agencyActive: boolean;
}

export function pickRoutingRule(
  rules: readonly RoutingRule[],
  complaint: { categoryId: number; regencyCode: string },
): RoutingRule | undefined {
  return rules
    .filter(
      (r) =>
        r.agencyActive &&
        r.categoryId === complaint.categoryId &&
        (r.regencyCode === null || r.regencyCode === complaint.regencyCode),
    )
    .sort((a, b) => Number(b.regencyCode !== null) - Number(a.regencyCode !== null) || a.rank - b.rank)[0];
}
