/** A document the format readers cannot turn into text; the message says why and what to do. */
export class FormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FormatError';
  }
}
