/** Minimal XML writing helpers for the GraphML/GEXF exports (no dependency, UTF-8 output). */

// Characters XML 1.0 forbids even when escaped (C0 controls except tab, newline, carriage return;
// lone surrogates; U+FFFE/U+FFFF). Documents extracted from PDFs do contain some.
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for use in element content or a double-quoted attribute. Arabic passes through as is. */
export function xmlEscape(value: string): string {
  return value
    .replace(INVALID, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    // Keep line breaks in attribute values (an attribute's raw newline is normalised to a space).
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

/** `name="value"` pairs, skipping null/undefined values. */
export function attrs(pairs: Record<string, string | number | null | undefined>): string {
  return Object.entries(pairs)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlEscape(String(v))}"`)
    .join('');
}
