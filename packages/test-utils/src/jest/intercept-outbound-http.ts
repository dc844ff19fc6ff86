import { useOutboundHttp, type OutboundHttp } from '../http/outbound-http';

/**
 * Call once at the top of a test file: no request leaves it, each test arranges the answers
 * it needs, and a request nobody arranged fails the test (see OutboundHttp).
 */
export function interceptOutboundHttp(): OutboundHttp {
  return useOutboundHttp({ beforeEach, afterEach });
}
