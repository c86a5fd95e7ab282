/** A PROFILE plan as the driver returns it, printed one operator per line (bench scripts only). */
export interface Plan {
  operatorType: string;
  rows: number;
  dbHits: number;
  arguments: Record<string, unknown>;
  children: Plan[];
}

export const totalDbHits = (p: Plan): number => p.dbHits + p.children.reduce((n, c) => n + totalDbHits(c), 0);

/** Operators indented by depth; `onlyHits` leaves out operators below the root that read nothing. */
export function planLines(p: Plan, onlyHits = false, depth = 0): string[] {
  const own = !onlyHits || p.dbHits > 0 || depth < 1 ? [`${'  '.repeat(depth)}${p.operatorType} rows=${p.rows} hits=${p.dbHits} ${String(p.arguments.Details ?? '').slice(0, 150)}`] : [];
  return [...own, ...p.children.flatMap((c) => planLines(c, onlyHits, depth + 1))];
}
