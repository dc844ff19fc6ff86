import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The client address as `text`, as the Fastify twin stores it. The app only ever writes an
 * address (src/http/client-address.ts), so a length here would only turn a future mistake into
 * a 500 on login. varchar to text needs no rewrite of the table.
 */
export class StoreClientAddressAsText1764000000003 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE login_attempts ALTER COLUMN client_ip TYPE text');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE login_attempts ALTER COLUMN client_ip TYPE varchar(64)');
  }
}
