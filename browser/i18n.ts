// The pages' two languages: Arabic first, English on demand. Kind, category and relation labels
// come from the model (model/kinds.json, model/relations.json) through the page configuration.
import type { PageConfig } from '../src/pages/config';

export class I18n {
  lang: 'ar' | 'en' = 'ar';

  constructor(private readonly config: PageConfig) {}

  t(ar: string, en: string): string {
    return this.lang === 'ar' ? ar : en;
  }

  kind(name: string): string {
    const k = this.config.kinds.find((x) => x.name === name);
    return k ? this.t(k.labelAr, k.labelEn) : name;
  }

  category(kind: string, code: string): string {
    const c = this.config.kinds.find((x) => x.name === kind)?.categories[code];
    return c ? this.t(c.ar, c.en) : code;
  }

  relation(type: string): string {
    const r = this.config.relations.find((x) => x.type === type);
    return r ? this.t(r.labelAr, r.labelEn) : type;
  }

  toggle(): void {
    this.lang = this.lang === 'ar' ? 'en' : 'ar';
  }

  /** Swaps every element's text carrying data-ar/data-en, and the page's language and direction. */
  apply(doc: Document): void {
    doc.documentElement.lang = this.lang;
    doc.documentElement.dir = this.lang === 'ar' ? 'rtl' : 'ltr';
    doc.querySelectorAll<HTMLElement>('[data-ar][data-en]').forEach((e) => {
      e.textContent = this.t(e.dataset.ar!, e.dataset.en!);
    });
  }
}
