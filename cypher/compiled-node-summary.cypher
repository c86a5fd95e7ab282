// The other end of a compiled relation when its selection asks only for summary fields
// (src/api/selection.ts SUMMARY_FIELDS): what the relations DataLoader projects, and the stored
// mention count.
b {.id, .kind, .name, .nameAr, .nameEn, .acronym, .category, .mentionCount, _labels: labels(b)}
