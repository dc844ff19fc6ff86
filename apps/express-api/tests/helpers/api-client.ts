import type { Server } from 'node:http';
import { createContractApi, type ContractApi } from '@testbed/contract-tests/api-client';
import type { ResponseValidator } from '@testbed/test-utils';

export interface Api extends ContractApi {
  /** Signs in through the real login route and returns the access token. */
  login(email: string, password: string): Promise<string>;
}

/**
 * The contract suite's client (one kept-alive connection; every response checked against the
 * app's own /openapi.json, every 401 for its `WWW-Authenticate`), plus a sign-in through the
 * real route: `api.get(url)`, `api.as(user).get(url)`.
 */
export function createApi(server: Server, validator: ResponseValidator): Api {
  const api = createContractApi(server, validator);
  return {
    ...api,
    login: async (email, password) => {
      const res = await api.post('/api/auth/login').send({ email, password }).expect(200);
      return (res.body as { access_token: string }).access_token;
    },
  };
}
