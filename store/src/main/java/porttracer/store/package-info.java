/**
 * PostgreSQL: the connection pool with the schema migrated by Flyway ({@code db/migration}), one store class
 * per table that holds every SQL statement of that table, and the records they return.
 * May use: {@code porttracer.config}, {@code porttracer.domain}, {@code porttracer.secure} (sealed columns),
 * JDBC, HikariCP, Flyway. Never the index, the collector or the API.
 */
package porttracer.store;
