// Types for scripts/security-scan.mjs, so the TypeScript tests can import it.
export interface Finding {
  rule: string;
  file: string;
  line: number;
  message: string;
  text: string;
}

export interface AllowListEntry {
  rule: string;
  file: string;
  contains?: string;
  reason: string;
}

export type FileKind = 'main' | 'preload' | 'renderer' | 'html';

export const rules: Record<string, string>;
export function scanText(file: string, text: string, kind: FileKind, options?: { bundled?: boolean }): { findings: Finding[]; facts: string[] };
export function scopeFindings(scope: string, facts: Set<string>): Finding[];
export function isWeakCsp(policy: string): boolean;
export function scanProject(options: { root: string; outDir?: string }): { findings: Finding[]; scanned: { sources: number; bundles: number } };
export function applyAllowList(findings: Finding[], allowList: AllowListEntry[]): {
  unexplained: Finding[];
  explained: Array<Finding & { reason: string }>;
  stale: AllowListEntry[];
  invalid: AllowListEntry[];
};
export function loadAllowList(root: string): AllowListEntry[];
