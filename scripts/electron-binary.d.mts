// Types for scripts/electron-binary.mjs, so the TypeScript tests can import it.
export function findElectronBinary(root?: string, env?: NodeJS.ProcessEnv): string | null;
export const noElectronMessage: string;
