/** How a site's people log in, from the unauthenticated `info` call (`user_authentication_method`). */
export const loginMethods = ['default', 'ldap', 'saml2', 'oxygen'] as const;
export type LoginMethod = (typeof loginMethods)[number];

export function isLoginMethod(value: unknown): value is LoginMethod {
  return typeof value === 'string' && (loginMethods as readonly string[]).includes(value);
}

/** Words a person understands, for screens and reports. */
export function describeLoginMethod(method: LoginMethod): string {
  switch (method) {
    case 'oxygen':
      return 'Autodesk Identity';
    case 'saml2':
      return 'Single sign-on (SSO)';
    case 'ldap':
      return 'LDAP (studio directory)';
    case 'default':
      return 'ShotGrid login';
  }
}
