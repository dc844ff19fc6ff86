// A copied test-utils under ts-jest, with a module-level app that reads its database URL from
// the environment (the setupFilesAfterEnv recipe). See docs/guides/copy-test-utils.md.
import request from 'supertest';
import { app } from '../src/app';
import { db } from '../src/db';

const titles = async () =>
  (await db('todos').orderBy('id').select<{ title: string }[]>('title')).map((row) => row.title);

describe('POST /todos', () => {
  it('stores the todo and returns it with 201', async () => {
    const res = await request(app).post('/todos').send({ title: 'Buy milk' });

    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(Number), title: 'Buy milk', done: false });
    expect(await titles()).toEqual(['Buy milk']);
  });

  it('refuses a todo without a title with a 400 problem, and stores nothing', async () => {
    const res = await request(app).post('/todos').send({});

    expect(res).toBeProblem(400, { detail: 'A todo needs a title.' });
    expect(await titles()).toEqual([]);
  });

  it('refuses a second todo with the same title with a 409 problem', async () => {
    await request(app).post('/todos').send({ title: 'Walk the dog' });

    const res = await request(app).post('/todos').send({ title: 'Walk the dog' });

    expect(res).toBeProblem(409);
    expect(await titles()).toEqual(['Walk the dog']);
  });
});

describe('GET /todos/:id', () => {
  it('returns a stored todo', async () => {
    const created = await request(app).post('/todos').send({ title: 'Read a book' });
    const { id } = created.body as { id: number };

    const res = await request(app).get(`/todos/${String(id)}`);

    expect(res.status).toBe(200);
    expect(res.body).toEqual(created.body);
  });

  it('answers 404 with a problem for an unknown id', async () => {
    const res = await request(app).get('/todos/999999');

    expect(res).toBeProblem(404);
  });
});

describe('the migration bookkeeping', () => {
  it("survives the reset between tests, so Knex's migrate finds nothing left to do", async () => {
    const [, applied] = (await db.migrate.latest()) as [number, string[]];

    expect(applied).toEqual([]);
    expect(await db.migrate.currentVersion()).toBe('20260101000000');
  });
});
