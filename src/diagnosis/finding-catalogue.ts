/** The diagnosis catalogue's public face: stable codes and the findings they stand for. */
export { findingCodes, findingFor, findingForVerified, isFindingCode, type FindingCode } from './catalogue/catalogue';
export { classifyFailure, findingForFailure } from './finding-for-failure';
export type { FindingContext, FindingFacts } from './finding-context';
