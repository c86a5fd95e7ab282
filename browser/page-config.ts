import type { PageConfig } from '../src/pages/config';

/** Reads the configuration the server embedded in the page (see src/pages/html.ts). */
export function pageConfig(): PageConfig {
  const el = document.getElementById('kg-config');
  if (!el?.textContent) throw new Error('page configuration (#kg-config) missing: serve this page through the API');
  return JSON.parse(el.textContent) as PageConfig;
}

export interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string }[];
}

/** POSTs a GraphQL operation to the API (same origin) and throws on transport or GraphQL errors. */
export async function gql<T>(endpoint: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json().catch(() => ({}))) as GraphQLResponse<T>;
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  if (!res.ok || !body.data) throw new Error(`GraphQL request failed: HTTP ${res.status}`);
  return body.data;
}
