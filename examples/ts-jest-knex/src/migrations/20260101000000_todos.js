// @ts-check
// Knex loads migrations with require(): plain CommonJS, as in most Knex projects.

/** @param {import('knex').Knex} knex */
exports.up = (knex) =>
  knex.schema.createTable('todos', (table) => {
    table.increments('id');
    table.text('title').notNullable().unique();
    table.boolean('done').notNullable().defaultTo(false);
  });

/** @param {import('knex').Knex} knex */
exports.down = (knex) => knex.schema.dropTable('todos');
