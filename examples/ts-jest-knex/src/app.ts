import express, { type Response } from 'express';
import { db } from './db';

interface Todo {
  id: number;
  title: string;
  done: boolean;
}

function problem(res: Response, status: number, title: string, detail: string) {
  res
    .status(status)
    .type('application/problem+json')
    .json({ type: 'about:blank', title, status, detail });
}

export const app = express();
app.use(express.json());

app.post('/todos', async (req, res) => {
  const title: unknown = (req.body as { title?: unknown } | undefined)?.title;
  if (typeof title !== 'string' || title.trim() === '') {
    problem(res, 400, 'Bad Request', 'A todo needs a title.');
    return;
  }
  const [todo] = await db<Todo>('todos')
    .insert({ title: title.trim() })
    .onConflict('title')
    .ignore()
    .returning(['id', 'title', 'done']);
  if (todo === undefined) {
    problem(res, 409, 'Conflict', 'A todo with that title exists.');
    return;
  }
  res.status(201).json(todo);
});

app.get('/todos/:id', async (req, res) => {
  const todo = await db<Todo>('todos')
    .whereRaw('id::text = ?', [req.params.id])
    .first('id', 'title', 'done');
  if (todo === undefined) {
    problem(res, 404, 'Not Found', 'No todo with that id.');
    return;
  }
  res.json(todo);
});
