package dev.confiture.demo.blog.db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.confiture.core.migrate.JavaMigration;
import dev.confiture.demo.blog.Excerpts;

/**
 * Migration {@code 002_backfill_post_excerpts}: posts created before the application
 * derived excerpts get one computed by the same Java code ({@link Excerpts}), which SQL
 * alone would have to duplicate. The update fires the sync trigger, so their
 * {@code tv_post} documents follow in the same transaction. Found through
 * {@code confiture.java-migrations-package}.
 * <p>
 * Irreversible on purpose: afterwards nothing tells a derived excerpt from a written one.
 */
public class BackfillPostExcerpts implements JavaMigration {

	@Override
	public String version() {
		return "002";
	}

	@Override
	public String name() {
		return "backfill_post_excerpts";
	}

	@Override
	public void up(Context context) throws Exception {
		Connection connection = context.connection();
		Map<UUID, String> excerpts = new LinkedHashMap<>();
		try (PreparedStatement select = connection
			.prepareStatement("SELECT pk_post, content FROM tb_post WHERE excerpt IS NULL ORDER BY id");
				ResultSet posts = select.executeQuery()) {
			while (posts.next()) {
				excerpts.put(posts.getObject(1, UUID.class), Excerpts.of(posts.getString(2)));
			}
		}
		try (PreparedStatement update = connection
			.prepareStatement("UPDATE tb_post SET excerpt = ? WHERE pk_post = ?")) {
			for (Map.Entry<UUID, String> excerpt : excerpts.entrySet()) {
				update.setString(1, excerpt.getValue());
				update.setObject(2, excerpt.getKey());
				update.addBatch();
			}
			update.executeBatch();
		}
	}

}
