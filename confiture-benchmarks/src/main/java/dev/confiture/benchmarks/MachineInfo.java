package dev.confiture.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

import dev.confiture.core.server.PostgresServer;

/**
 * The machine and the software versions a run was made with.
 *
 * @param processors available processors
 * @param memory total memory
 * @param os operating system
 * @param java Java runtime
 * @param postgres PostgreSQL server version and where it runs
 * @param psql {@code psql --version}, or "not found"
 */
record MachineInfo(int processors, String memory, String os, String java, String postgres, String psql) {

	static MachineInfo collect(PostgresServer server, Tools tools) {
		String psql = (tools.psql() != null) ? Subprocess.firstLine(List.of(tools.psql().toString(), "--version"))
				: "not found";
		return new MachineInfo(Runtime.getRuntime().availableProcessors(), totalMemory(),
				System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
						+ System.getProperty("os.arch"),
				System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
				versionOf(server) + " (" + server.description() + ")", psql);
	}

	private static String totalMemory() {
		try {
			return Files.readAllLines(Path.of("/proc/meminfo"))
				.stream()
				.filter((line) -> line.startsWith("MemTotal:"))
				.findFirst()
				.map((line) -> String.format(Locale.ROOT, "%.1f GiB",
						Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0))
				.orElse("unknown");
		}
		catch (IOException | RuntimeException ex) {
			return "unknown";
		}
	}

	private static String versionOf(PostgresServer server) {
		try (Connection connection = server.connect(server.adminDatabase());
				Statement statement = connection.createStatement();
				ResultSet result = statement
					.executeQuery("SELECT 'PostgreSQL ' || current_setting('server_version')")) {
			result.next();
			return result.getString(1);
		}
		catch (SQLException ex) {
			return "PostgreSQL (version unknown: " + ex.getMessage() + ")";
		}
	}

}
