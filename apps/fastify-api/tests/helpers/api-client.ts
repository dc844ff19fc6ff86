import { Agent, type Server } from 'node:http';
import { bearer } from '@testbed/test-utils';
import request from 'supertest';

export interface Caller {
  token: string;
}

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

export type Client = Record<Method, (url: string) => request.Test>;

function client(server: Server, agent: Agent, headers: Record<string, string>): Client {
  const call = (method: Method) => (url: string) =>
    request(server)[method](url).agent(agent).set(headers);
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
export function createApi(server: Server): Api {
  // Keep-alive: one connection reused by every request of a file, not a new one each time.
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const anonymous = client(server, agent, {});
  return {
    ...anonymous,
    as: (caller) => client(server, agent, bearer(caller.token)),
    login: async (email, password) => {
      const res = await anonymous.post('/api/auth/login').send({ email, password }).expect(200);
      return (res.body as { access_token: string }).access_token;
    },
    close: () => {
      agent.destroy();
    },
  };
}
