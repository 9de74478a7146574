/** One JSON document on stdout, in a stable layout: what scripts and support tools parse. */
export function jsonDocument(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
