import { randomBytes } from 'node:crypto';
import { jsonReply } from './practice-reply';
import type { PracticeReply } from './practice-reply';

/** One entry of a REST `errors` list, in the shape live sites send (and RUBY / RS / NODE parse). */
export interface RestError {
  status: number;
  code: number;
  title: string;
  source: Record<string, string> | null;
}

/** REST error codes: 102 authentication / sudo, 103 bad request or route, 106 2FA, 108 SSO. */
export const REST_AUTH_CODE = 102;
export const REST_BAD_REQUEST_CODE = 103;
export const REST_TWO_FACTOR_CODE = 106;
export const REST_SSO_CODE = 108;

export function restErrorReply(error: RestError): PracticeReply {
  return jsonReply(error.status, {
    errors: [{
      id: randomBytes(16).toString('hex'),
      status: error.status,
      code: error.code,
      title: error.title,
      source: error.source,
      detail: null,
      meta: null,
    }],
  });
}

/** Status and code RECORDED (404/103); the title is OURS, since the recordings name only the numbers. */
export function restNotFound(): RestError {
  return { status: 404, code: REST_BAD_REQUEST_CODE, title: 'Not Found', source: null };
}
