// @ts-check
// A JavaScript copy of test-utils under Jest's default babel transform, with an app built by
// createApp(deps). See docs/guides/copy-test-utils.md.
const pg = require('pg');
const request = require('supertest');
const { createApp } = require('../src/app');
const { useTestDatabase } = require('./support/test-utils');

const db = useTestDatabase();
/** @type {import('pg').Pool} */
let pool;
/** @type {import('express').Express} */
let app;

beforeAll(() => {
  pool = new pg.Pool({ connectionString: db.url });
  app = createApp({ pool });
});

afterAll(async () => {
  await pool.end();
});

const titles = async () =>
  (await pool.query('SELECT title FROM todos ORDER BY id')).rows.map((row) => row.title);

describe('POST /todos', () => {
  it('stores the todo and returns it with 201', async () => {
    const res = await request(app).post('/todos').send({ title: 'Buy milk' });

    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(Number), title: 'Buy milk', done: false });
    expect(await titles()).toEqual(['Buy milk']);
  });

  it('refuses a todo without a title with a 400 problem, and stores nothing', async () => {
    const res = await request(app).post('/todos').send({ title: '' });

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

    const res = await request(app).get(`/todos/${created.body.id}`);

    expect(res.status).toBe(200);
    expect(res.body).toEqual(created.body);
  });

  it('answers 404 with a problem for an unknown id', async () => {
    const res = await request(app).get('/todos/999999');

    expect(res).toBeProblem(404);
  });
});
