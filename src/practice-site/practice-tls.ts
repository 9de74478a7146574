/**
 * The practice site's TLS certificate and key, for `tls: true`.
 *
 * This is a PRACTICE certificate, not a secret: it is self-signed (its own CA), names only `localhost`,
 * `127.0.0.1` and `::1`, and the site refuses to listen anywhere but loopback. Anyone can read the key here,
 * so nothing it protects is private. It exists so clients meet the real "certificate from an unknown CA"
 * failure, and so tests can trust it explicitly (pass it as `ca`).
 *
 * P-256 key, valid 2024-01-01 to 2049-12-31 (backdated so machines with a lagging clock still accept it).
 * Regenerate with `openssl ca -selfsign` (basicConstraints CA:TRUE, extendedKeyUsage serverAuth,
 * subjectAltName DNS:localhost, IP:127.0.0.1, IP:::1) if it ever needs to change.
 */
export const PRACTICE_TLS_CERT = `-----BEGIN CERTIFICATE-----
MIIB4TCCAYegAwIBAgICEAAwCgYIKoZIzj0EAwIwNTEfMB0GA1UECgwWR3JpZHBh
c3MgcHJhY3RpY2Ugc2l0ZTESMBAGA1UEAwwJbG9jYWxob3N0MB4XDTI0MDEwMTAw
MDAwMFoXDTQ5MTIzMTIzNTk1OVowNTEfMB0GA1UECgwWR3JpZHBhc3MgcHJhY3Rp
Y2Ugc2l0ZTESMBAGA1UEAwwJbG9jYWxob3N0MFkwEwYHKoZIzj0CAQYIKoZIzj0D
AQcDQgAEZkX3Tzvzzbrgousyud/+9C//pqAp6bbTkV0PJ9p2Hrl3ZTs4Aa+/3pty
p3V7UmLlDfrmgzJjyhCWMJl39NrrXqOBhjCBgzAsBgNVHREEJTAjgglsb2NhbGhv
c3SHBH8AAAGHEAAAAAAAAAAAAAAAAAAAAAEwDwYDVR0TAQH/BAUwAwEB/zAOBgNV
HQ8BAf8EBAMCAoQwEwYDVR0lBAwwCgYIKwYBBQUHAwEwHQYDVR0OBBYEFB/wcGFy
y12fsyP+Z07n0Hs8m7DHMAoGCCqGSM49BAMCA0gAMEUCIFX+CRPR+aqfpsJMAzQZ
6PgQ0aUSUQVTG+ZsccakxM3pAiEA6JeIbugL5ugI9s3kM12LBcpOJ4p2Tfca+4Li
VwUt2ek=
-----END CERTIFICATE-----
`;

export const PRACTICE_TLS_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgrBWJzDFfM+v2pvrC
KlxRBwNtXxr+bqCqQ57JjXrTduKhRANCAARmRfdPO/PNuuCi6zK53/70L/+moCnp
ttORXQ8n2nYeuXdlOzgBr7/em3KndXtSYuUN+uaDMmPKEJYwmXf02ute
-----END PRIVATE KEY-----
`;
