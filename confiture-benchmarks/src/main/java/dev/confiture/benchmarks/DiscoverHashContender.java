package dev.confiture.benchmarks;

import java.nio.file.Path;
import java.util.List;

import dev.confiture.core.build.SchemaSources;

/**
 * {@link SchemaSources#discover} of a schema directory followed by
 * {@link SchemaSources#schemaHash()}: walking the tree, ordering the paths, reading every
 * file and hashing it. No database.
 */
final class DiscoverHashContender implements Contender {

	private final String name;

	private final Path projectDirectory;

	private final Path schemaDirectory;

	private final int expectedFiles;

	private String firstHash;

	DiscoverHashContender(String name, Path projectDirectory, Path schemaDirectory, int expectedFiles) {
		this.name = name;
		this.projectDirectory = projectDirectory;
		this.schemaDirectory = schemaDirectory;
		this.expectedFiles = expectedFiles;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public Trial newTrial() {
		return new Trial() {

			private SchemaSources sources;

			private String hash;

			@Override
			public void run() {
				this.sources = SchemaSources.discover(DiscoverHashContender.this.projectDirectory,
						List.of(DiscoverHashContender.this.schemaDirectory), List.of(), List.of());
				this.hash = this.sources.schemaHash();
			}

			@Override
			public void check() {
				if (this.sources.schemaFiles().size() != DiscoverHashContender.this.expectedFiles) {
					throw new IllegalStateException("Found " + this.sources.schemaFiles().size() + " files, expected "
							+ DiscoverHashContender.this.expectedFiles);
				}
				if (DiscoverHashContender.this.firstHash == null) {
					DiscoverHashContender.this.firstHash = this.hash;
				}
				else if (!DiscoverHashContender.this.firstHash.equals(this.hash)) {
					throw new IllegalStateException("The schema hash changed between repetitions");
				}
			}

		};
	}

}
