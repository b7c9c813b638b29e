package dev.confiture.benchmarks;

import java.nio.file.Path;

import dev.confiture.core.server.PostgresServer;

/**
 * What benchmarks share.
 *
 * @param server the PostgreSQL server that hands out the fresh databases
 * @param workDirectory where benchmarks write their generated input
 * @param tools the external programs
 */
record BenchmarkContext(PostgresServer server, Path workDirectory, Tools tools) {

}
