// @ts-check
const express = require('express');

/**
 * @param {import('express').Response} res
 * @param {number} status
 * @param {string} title
 * @param {string} detail
 */
function problem(res, status, title, detail) {
  res
    .status(status)
    .type('application/problem+json')
    .json({ type: 'about:blank', title, status, detail });
}

/**
 * The whole app, built from what it needs: tests hand it a pool on their own database.
 * @param {{ pool: import('pg').Pool }} deps
 */
function createApp({ pool }) {
  const app = express();
  app.use(express.json());

  app.post('/todos', async (req, res) => {
    const title = req.body?.title;
    if (typeof title !== 'string' || title.trim() === '') {
      problem(res, 400, 'Bad Request', 'A todo needs a title.');
      return;
    }
    const { rows } = await pool.query(
      'INSERT INTO todos (title) VALUES ($1) ON CONFLICT (title) DO NOTHING RETURNING id, title, done',
      [title.trim()],
    );
    if (rows[0] === undefined) {
      problem(res, 409, 'Conflict', 'A todo with that title exists.');
      return;
    }
    res.status(201).json(rows[0]);
  });

  app.get('/todos/:id', async (req, res) => {
    const { rows } = await pool.query('SELECT id, title, done FROM todos WHERE id::text = $1', [
      req.params.id,
    ]);
    if (rows[0] === undefined) {
      problem(res, 404, 'Not Found', 'No todo with that id.');
      return;
    }
    res.json(rows[0]);
  });

  return app;
}

module.exports = { createApp };
