import { KINDS, RELATIONS } from '../../../src/model';

// The pages show the model's labels (Arabic first, English switch): every kind, category and
// relation type needs both, or an analyst sees an English code inside the Arabic page.
it('every kind, category and relation type has an Arabic and an English label in the model', () => {
  const missing: string[] = [];
  const arabic = /[\u0600-\u06FF]/;
  for (const k of KINDS) {
    if (!k.labelAr || !arabic.test(k.labelAr) || !k.labelEn) missing.push(`kind ${k.name}`);
    for (const c of k.categories) {
      const l = k.categoryLabels?.[c];
      if (!l || !arabic.test(l.ar) || !l.en) missing.push(`category ${k.name}.${c}`);
    }
  }
  for (const r of RELATIONS) if (!r.labelAr || !arabic.test(r.labelAr) || !r.labelEn) missing.push(`relation ${r.type} (add "labelAr"/"labelEn" in model/relations.json)`);
  expect(missing).toEqual([]);
});
