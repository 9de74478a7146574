/** What stands where a secret or a request echo was cut out. */
export const redactedMarker = '[redacted]';
