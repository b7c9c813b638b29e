package dev.confiture.demo.blog;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import dev.confiture.core.Confiture;
import dev.confiture.core.build.BuildOptions;
import dev.confiture.core.build.BuildOptions.ExistingObjects;
import dev.confiture.core.build.BuildResult;
import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.config.Environment;

/**
 * Builds the blog schema and the development seeds into an empty database at startup, through
 * the Confiture Java API. (The Confiture Spring Boot starter will do this, and migrate existing
 * databases, without any code.)
 */
@Component
class SchemaSetup implements InitializingBean {

	private static final Logger logger = LoggerFactory.getLogger(SchemaSetup.class);

	private final DataSource dataSource;

	private volatile BuildResult lastBuild;

	SchemaSetup(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public void afterPropertiesSet() throws IOException {
		Path db = new ClassPathResource("db").getFile().toPath();
		HikariDataSource hikari = (HikariDataSource) this.dataSource;
		ConnectionSettings database = ConnectionSettings.parse(hikari.getJdbcUrl(), hikari.getUsername(),
				hikari.getPassword());
		Environment environment = new Environment("development", db.resolve("confiture.yaml"), db.getParent(),
				List.of(db.resolve("schema")), List.of(), List.of(db.resolve("seeds/common"), db.resolve("seeds/development")),
				database, db.resolve("migrations"), "confiture_migrations");
		this.lastBuild = Confiture.of(environment).build(BuildOptions.defaults().withExisting(ExistingObjects.SKIP));
		if (this.lastBuild.skipped()) {
			logger.info("Confiture: schema already built ({})", this.lastBuild.skippedReason());
		}
		else {
			logger.info("Confiture: built {} schema files and {} seed files in {} ms (schema hash {})",
					this.lastBuild.schemaFiles().size(), this.lastBuild.seedFiles().size(),
					this.lastBuild.duration().toMillis(), this.lastBuild.schemaHash().substring(0, 12));
		}
	}

	BuildResult lastBuild() {
		return this.lastBuild;
	}

}
