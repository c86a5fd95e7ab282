/** Entity look-ups and cursor connections over cypher/api-entities-page.cypher. */
import { badUserInput } from '../guard/errors';
import { normaliseKey } from '../../extract/arabic';
import { kindSpec } from '../../model';
import type { ApiContext } from '../context';
import type { Db } from '../../graph/db';
import { charged } from '../guard/budget';
import { EntityValue, toEntity } from '../values';
import { decodeCursor, encodeCursor } from './cursor';

export const MAX_PAGE = 200;

export interface EntityFilterArgs {
  category?: string | null;
  name?: string | null;
  mentionedIn?: string | null;
  from?: string | null;
  to?: string | null;
}

export interface PageArgs {
  kind?: string | null;
  filter?: EntityFilterArgs | null;
  order: string;
  first: number;
  after?: string | null;
  /** Documents ingested with their text only (they have a content hash). */
  ingestedOnly?: boolean;
}

export interface EntityPage {
  edges: { cursor: string; node: EntityValue }[];
  nodes: EntityValue[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** An ISO date filter (YYYY, YYYY-MM or YYYY-MM-DD) as given, null when absent or empty. */
export function checkDate(name: string, v: string | null | undefined): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (!ISO_DATE.test(v)) {
    throw badUserInput(`${name} must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), got "${v}"`);
  }
  return v;
}

export function checkFirst(first: number, max = MAX_PAGE): number {
  if (!Number.isInteger(first) || first < 0 || first > max) {
    throw badUserInput(`first must be between 0 and ${max}, got ${first}`);
  }
  return first;
}

/** One entity by id (through the request's loader), counted against the response budget. */
export async function entityById(ctx: ApiContext, id: string): Promise<EntityValue | null> {
  return charged(ctx, () => ctx.loaders.entity.load(id));
}

export async function entityPage(db: Db, args: PageArgs): Promise<EntityPage> {
  const f = args.filter ?? {};
  const first = checkFirst(args.first);
  if (f.category && args.kind && !kindSpec(args.kind)?.categories.includes(f.category)) {
    const allowed = kindSpec(args.kind)?.categories.join(', ') || 'none';
    throw badUserInput(`category ${f.category} is not a category of ${args.kind} (allowed: ${allowed})`);
  }
  const name = f.name ? normaliseKey(f.name) : null;
  const after = args.after ? decodeCursor(args.after) : null;
  const from = checkDate('from', f.from);
  const to = checkDate('to', f.to);
  const unfiltered = !args.kind && !f.category && !f.mentionedIn && !name && !from && !to && !args.ingestedOnly;
  const rows =
    unfiltered && args.order === 'NAME'
      ? // The default listing: read in index order, counted from the count store.
        await db.read('api-entities-by-name', { afterKey: after?.sk ?? '', afterId: after?.id ?? null, limit: first + 1 })
      : await db.read('api-entities-page', {
          kind: args.kind ?? null,
          category: f.category ?? null,
          mentionedIn: f.mentionedIn ?? null,
          name: name || null,
          nameLower: f.name ? f.name.toLowerCase().trim() : null,
          from,
          to,
          order: args.order,
          after,
          ingestedOnly: args.ingestedOnly ?? false,
          limit: first + 1,
        });
  const row = rows[0] ?? { total: 0, page: [] };
  const page = row.page as { e: unknown; nk: number; sk: string }[];
  const edges = page.slice(0, first).map((x) => {
    const node = toEntity(x.e);
    return { cursor: encodeCursor({ nk: x.nk, sk: x.sk, id: node.id }), node };
  });
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: {
      hasNextPage: page.length > first,
      hasPreviousPage: Boolean(args.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount: Number(row.total),
  };
}
