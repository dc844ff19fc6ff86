import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateUsers1764000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY,
        name varchar(100) NOT NULL,
        email varchar(320) NOT NULL,
        password_hash text NOT NULL,
        role varchar(10) NOT NULL DEFAULT 'user' CHECK (role IN ('user', 'admin')),
        email_verified boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT users_email_key UNIQUE (email),
        CONSTRAINT users_email_lower_case CHECK (email = lower(email))
      )`);
    await queryRunner.query('CREATE INDEX users_created_at_id_idx ON users (created_at, id)');
    await queryRunner.query(`
      CREATE TABLE email_verifications (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_hash char(64) NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL,
        CONSTRAINT email_verifications_token_hash_key UNIQUE (token_hash)
      )`);
    await queryRunner.query(
      'CREATE INDEX email_verifications_user_id_idx ON email_verifications (user_id)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE email_verifications');
    await queryRunner.query('DROP TABLE users');
  }
}
