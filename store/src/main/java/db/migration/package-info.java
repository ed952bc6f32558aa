/**
 * Flyway's Java migrations, beside the SQL ones in {@code db/migration} resources: the package name is Flyway's
 * default location. May use: JDBC and Flyway only (Quartz's DDL is read from its jar by name, not through its classes).
 */
package db.migration;
