import type { Kysely } from 'kysely';

// Places of the designation programme: service stations (an organisation row of kind service_station
// plus this row, same id), demonstration bases and the construction guide's criteria versions.
// Coordinates are stored as integer millionths of a degree (portable, exact). Lists are child tables.
// Frozen once merged.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('service_stations')
    .addColumn('id', 'text', (c) => c.primaryKey().references('organizations.id'))
    // name and region_id repeat the organisation's (list filters on one table), as for enterprises.
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('host_kind', 'text', (c) => c.notNull())
    .addColumn('host_organization_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('longitude_e6', 'integer', (c) => c.notNull())
    .addColumn('latitude_e6', 'integer', (c) => c.notNull())
    .addColumn('opening_hours', 'text', (c) => c.notNull())
    .addColumn('demonstration', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('archived_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('service_stations_region_idx')
    .on('service_stations')
    .columns(['region_id', 'name'])
    .execute();

  await db.schema
    .createTable('service_station_services')
    .addColumn('station_id', 'text', (c) => c.notNull().references('service_stations.id'))
    .addColumn('service', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('service_station_services_pk', ['station_id', 'service'])
    .execute();
  await db.schema
    .createIndex('service_station_services_service_idx')
    .on('service_station_services')
    .column('service')
    .execute();

  await db.schema
    .createTable('service_station_staff')
    .addColumn('station_id', 'text', (c) => c.notNull().references('service_stations.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('liaison', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('service_station_staff_pk', ['station_id', 'position'])
    .execute();

  await db.schema
    .createTable('demonstration_bases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('host_kind', 'text', (c) => c.notNull())
    .addColumn('host_organization_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('longitude_e6', 'integer', (c) => c.notNull())
    .addColumn('latitude_e6', 'integer', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('designated', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('archived_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('demonstration_bases_region_idx')
    .on('demonstration_bases')
    .columns(['region_id', 'name'])
    .execute();

  await db.schema
    .createTable('demonstration_base_enterprises')
    .addColumn('base_id', 'text', (c) => c.notNull().references('demonstration_bases.id'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addPrimaryKeyConstraint('demonstration_base_enterprises_pk', ['base_id', 'enterprise_id'])
    .execute();

  await db.schema
    .createTable('criteria_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('total_score', 'integer', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('criteria_versions_kind_version_uq', ['kind', 'version'])
    .execute();

  // One row per indicator item; the group's code and title repeat on each of its items.
  await db.schema
    .createTable('criteria_items')
    .addColumn('version_id', 'text', (c) => c.notNull().references('criteria_versions.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('group_code', 'text', (c) => c.notNull())
    .addColumn('group_title', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('max_score', 'integer', (c) => c.notNull())
    .addColumn('guidance', 'text', (c) => c.notNull())
    .addColumn('auto_source', 'text')
    .addPrimaryKeyConstraint('criteria_items_pk', ['version_id', 'position'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('criteria_items').execute();
  await db.schema.dropTable('criteria_versions').execute();
  await db.schema.dropTable('demonstration_base_enterprises').execute();
  await db.schema.dropTable('demonstration_bases').execute();
  await db.schema.dropTable('service_station_staff').execute();
  await db.schema.dropTable('service_station_services').execute();
  await db.schema.dropTable('service_stations').execute();
}
