// Every node and relationship with its properties, to compare two graphs (tests, fault checks).
CALL { MATCH (n) RETURN collect({labels: labels(n), id: n.id, props: properties(n)}) AS nodes }
CALL { MATCH (a)-[r]->(b) RETURN collect({type: type(r), from: a.id, to: b.id, props: properties(r)}) AS rels }
RETURN nodes, rels
