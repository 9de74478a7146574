const platformNames: Record<string, string> = { darwin: 'macOS', win32: 'Windows', linux: 'Linux' };

export function AboutPanel({ version, platform }: { version: string; platform: string }) {
  return (
    <section className="panel" aria-labelledby="about-title">
      <h2 id="about-title">About</h2>
      <dl className="facts">
        <dt>Version</dt>
        <dd>Gridpass {version}</dd>
        <dt>System</dt>
        <dd>{platformNames[platform] ?? platform}</dd>
      </dl>
    </section>
  );
}
