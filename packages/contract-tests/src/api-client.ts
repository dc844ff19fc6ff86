import { Agent, type Server } from 'node:http';
import { bearer, validateResponses, type ResponseValidator } from '@testbed/test-utils';
import request from 'supertest';

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete' | 'options';

export type Client = Record<Method, (url: string) => request.Test> & {
  /** Any other method Node's client sends as it is (`QUERY`, `PROPFIND`). */
  method(name: string, url: string): request.Test;
};

export interface Clients extends Client {
  /** The same requests with `Authorization: Bearer <token>`. */
  as(caller: { token: string }): Client;
}

export interface ContractApi extends Clients {
  /**
   * The same requests, each on a connection of its own, for the concurrency suite: the
   * default client's single kept-alive socket sends one request at a time, so requests
   * started together there never meet inside the app.
   */
  concurrently: Clients;
  close(): void;
}

/** The contract's rule for every 401, checked on each response the suites receive. */
const bearerChallenge =
  (method: string, url: string) =>
  (res: { status: number; headers: Record<string, string | undefined> }) => {
    if (res.status === 401 && !/^Bearer\b/.test(res.headers['www-authenticate'] ?? ''))
      throw new Error(
        `${method.toUpperCase()} ${url} → 401 without WWW-Authenticate: Bearer (docs/api-contract.md#auth)`,
      );
  };

/**
 * supertest on one kept-alive connection, plus `concurrently` for requests that must race;
 * every response checked against /openapi.json and every 401 for its `WWW-Authenticate`
 * challenge.
 */
export function createContractApi(server: Server, validator: ResponseValidator): ContractApi {
  const serial = new Agent({ keepAlive: true, maxSockets: 1 });
  // No keep-alive and no socket limit: no socket is ever free to reuse, so each request
  // opens its own and N requests started together are N connections in flight at once.
  const parallel = new Agent({ keepAlive: false, maxSockets: Infinity });
  const clientsOn = (agent: Agent): Clients => {
    const client = (headers: Record<string, string>): Client => {
      const send = (test: request.Test, method: string, url: string) =>
        validateResponses(test.agent(agent).set(headers), validator).expect(
          bearerChallenge(method, url),
        );
      const call = (method: Method) => (url: string) =>
        send(request(server)[method](url), method, url);
      return {
        get: call('get'),
        post: call('post'),
        patch: call('patch'),
        put: call('put'),
        delete: call('delete'),
        options: call('options'),
        method: (name, url) => send(new request.Test(server, name, url), name, url),
      };
    };
    return { ...client({}), as: (caller) => client(bearer(caller.token)) };
  };
  return {
    ...clientsOn(serial),
    concurrently: clientsOn(parallel),
    close: () => {
      serial.destroy();
      parallel.destroy();
    },
  };
}
