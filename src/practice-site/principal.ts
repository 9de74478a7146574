/** Who a request authenticated as: a person (HumanUser) or a script (ApiUser). */
export type Principal =
  | { type: 'HumanUser'; id: number; login: string }
  | { type: 'ApiUser'; id: number; scriptName: string };

/** The name the request log shows for a principal: a login or a script name, never a credential. */
export function principalName(principal: Principal): string {
  return principal.type === 'HumanUser' ? principal.login : principal.scriptName;
}
