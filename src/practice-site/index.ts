/** The practice site: a simulated ShotGrid site on loopback, for tests, demos and support training. */
export { startPracticeSite, DEFAULT_MAX_BODY_BYTES } from './practice-site';
export type {
  PracticeSite, PracticeSiteOptions, PracticeAccountInfo, PracticeScriptInfo, PracticeAccountState, FaultSwitches,
} from './practice-site';
export { formatPracticeSiteBanner } from './practice-site-banner';
export { practiceSiteSummary } from './practice-site-summary';
export type { PracticeSiteSummary, PracticeAccountSummary } from './practice-site-summary';
export { practiceSeed, PRACTICE_TWO_FACTOR, PRACTICE_EMAIL_DOMAIN } from './practice-seed';
export type { AccountScenario, PracticeAccountSeed, PracticeScriptSeed } from './practice-seed';
export type { RequestLog, RequestLogEntry, RequestOutcome, AuthKind } from './request-log';
export type { ApprovalResult, PendingAppSessionRequest } from './app-session-launcher';
export { PRACTICE_TLS_CERT } from './practice-tls';
