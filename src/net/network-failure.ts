/** A request that never got an HTTP answer, as data: what every fetch rejection is classified into. */
export type NetworkFailure =
  | { kind: 'dns'; host: string }
  | { kind: 'refused' }
  | { kind: 'reset' }
  | { kind: 'timeout'; afterMs: number }
  | { kind: 'tls-untrusted'; detail: string }
  | { kind: 'tls-expired'; detail: string }
  | { kind: 'tls-wrong-host'; detail: string }
  | { kind: 'tls-other'; detail: string }
  | { kind: 'proxy'; detail: string }
  | { kind: 'network'; detail: string };
