/** `gridpass/<version> (<os>)`: lets a studio's proxy logs and Autodesk support tell Gridpass's calls apart. */
export function gridpassUserAgent(version: string, platform: string): string {
  return `gridpass/${version} (${operatingSystemName(platform)})`;
}

function operatingSystemName(platform: string): string {
  switch (platform) {
    case 'darwin':
      return 'macOS';
    case 'win32':
      return 'Windows';
    case 'linux':
      return 'Linux';
    default:
      return platform;
  }
}
