// Every node and relationship with its properties, to compare two graphs (tests, fault checks);
// not the graph-format marker (src/graph/schema.ts: storage bookkeeping, not data).
CALL { MATCH (n) WHERE NOT n:GraphFormat RETURN collect({labels: labels(n), id: n.id, props: properties(n)}) AS nodes }
CALL { MATCH (a)-[r]->(b) RETURN collect({type: type(r), from: a.id, to: b.id, props: properties(r)}) AS rels }
RETURN nodes, rels
