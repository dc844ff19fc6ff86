import { Agent, type Server } from 'node:http';
import { bearer, validateResponses, type ResponseValidator } from '@testbed/test-utils';
import request from 'supertest';

export interface Caller {
  token: string;
}

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

export type Client = Record<Method, (url: string) => request.Test>;

interface Connection {
  server: Server;
  agent: Agent;
  validator: ResponseValidator;
}

function client({ server, agent, validator }: Connection, headers: Record<string, string>): Client {
  // Every response is checked against the app's own /openapi.json before the test sees it.
  const call = (method: Method) => (url: string) =>
    validateResponses(request(server)[method](url).agent(agent).set(headers), validator);
  return {
    get: call('get'),
    post: call('post'),
    patch: call('patch'),
    put: call('put'),
    delete: call('delete'),
  };
}

export interface Api extends Client {
  /** The same requests, signed in: `api.as(admin).get('/api/admin/users')`. */
  as(caller: Caller): Client;
  /** Signs in through the real login route and returns the access token. */
  login(email: string, password: string): Promise<string>;
  /** Drops the kept-alive connection, so the server can close. */
  close(): void;
}

/** supertest against the app's listening server, as Fastify's testing guide does after `app.ready()`. */
export function createApi(server: Server, validator: ResponseValidator): Api {
  // Keep-alive: one connection reused by every request of a file, not a new one each time.
  const connection = { server, agent: new Agent({ keepAlive: true, maxSockets: 1 }), validator };
  const anonymous = client(connection, {});
  return {
    ...anonymous,
    as: (caller) => client(connection, bearer(caller.token)),
    login: async (email, password) => {
      const res = await anonymous.post('/api/auth/login').send({ email, password }).expect(200);
      return (res.body as { access_token: string }).access_token;
    },
    close: () => {
      connection.agent.destroy();
    },
  };
}
