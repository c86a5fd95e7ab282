// The other end of a compiled relation when its selection asks for more than the summary: the
// whole node, as cypher/api-entities-by-id.cypher projects it (it primes the entity DataLoader).
b {.*, _labels: labels(b)}
