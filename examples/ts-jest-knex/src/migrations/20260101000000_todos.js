// Knex loads migrations with require(): plain CommonJS, as in most Knex projects.
exports.up = (knex) =>
  knex.schema.createTable('todos', (table) => {
    table.increments('id');
    table.text('title').notNullable().unique();
    table.boolean('done').notNullable().defaultTo(false);
  });

exports.down = (knex) => knex.schema.dropTable('todos');
