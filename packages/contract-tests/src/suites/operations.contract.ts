import type { ContractTarget } from '../target';
import { useContractApp } from '../use-contract-app';

// Every route of the contract, as the document must list it.
const ROUTES = [
  ['post', '/api/auth/register'],
  ['post', '/api/auth/verify-email'],
  ['post', '/api/auth/login'],
  ['get', '/api/profile'],
  ['get', '/api/users'],
  ['post', '/api/users'],
  ['get', '/api/users/{id}'],
  ['patch', '/api/users/{id}'],
  ['delete', '/api/users/{id}'],
  ['get', '/api/admin/users'],
  ['get', '/health'],
  ['get', '/openapi.json'],
] as const;

// Each path once, {id} filled in; no route of the contract answers PUT.
const PATHS = [
  ...new Set(
    ROUTES.map(([, path]) => path.replace('{id}', '00000000-0000-4000-8000-000000000000')),
  ),
];

// What a 405 on each path offers instead (docs/api-contract.md#operations).
const ALLOW: Record<string, string> = {
  '/api/auth/register': 'POST',
  '/api/auth/verify-email': 'POST',
  '/api/auth/login': 'POST',
  '/api/profile': 'GET',
  '/api/users': 'GET, POST',
  '/api/users/{id}': 'GET, PATCH, DELETE',
  '/api/admin/users': 'GET',
  '/health': 'GET',
  '/openapi.json': 'GET',
};

/** /health, /openapi.json, unknown routes and methods (docs/api-contract.md#operations). */
export function describeOperationsContract(target: ContractTarget): void {
  describe(`${target.name} · operations contract`, () => {
    const c = useContractApp(target);

    it('answers GET /health with 200 {"status":"ok"} while the database answers', async () => {
      const res = await c.api.get('/health').expect(200);

      expect(res.body).toEqual({ status: 'ok' });
    });

    it('serves an OpenAPI 3.1 document of every route', async () => {
      const res = await c.api.get('/openapi.json').expect(200);
      const document = res.body as { openapi: string; paths: Record<string, object> };

      expect(document.openapi).toMatch(/^3\.1\./);
      for (const [method, path] of ROUTES) expect(document.paths[path]).toHaveProperty(method);
    });

    it('answers an unknown route with a 404 problem', async () => {
      expect(await c.api.get('/api/nothing-here')).toBeProblem(404);
    });

    it('answers a known route with a wrong method with a 405 problem', async () => {
      expect(await c.api.put('/api/auth/login')).toBeProblem(405);
    });

    it('answers a method no route has with 405 on every known path, and Allow names the methods it has', async () => {
      const answers = [];
      for (const path of PATHS) {
        const res = await c.api.put(path);
        answers.push({ path, status: res.status, type: res.type, allow: res.headers.allow });
      }

      expect(answers).toEqual(
        PATHS.map((path) => ({
          path,
          status: 405,
          type: 'application/problem+json',
          allow: ALLOW[path.replace(/0{8}-0{4}-4000-8000-0{12}/, '{id}')],
        })),
      );
    });
  });
}
