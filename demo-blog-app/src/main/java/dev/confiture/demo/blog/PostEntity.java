package dev.confiture.demo.blog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A row of {@code tb_post}, the command side of posts. The author is kept as its public
 * UUID ({@code fk_user} references {@code tb_user.pk_user}); the {@code tv_post} document
 * is written by a trigger.
 */
@Entity
@Table(name = "tb_post")
class PostEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Integer id;

	@Column(name = "pk_post", nullable = false, updatable = false)
	private UUID pk;

	private String identifier;

	@Column(name = "fk_user", nullable = false, updatable = false)
	private UUID authorPk;

	private String title;

	private String slug;

	private String content;

	private String excerpt;

	private String[] tags;

	@Column(name = "is_published")
	private boolean published;

	@Column(name = "published_at")
	private Instant publishedAt;

	@Column(name = "view_count")
	private int viewCount;

	@Column(name = "updated_at")
	private Instant updatedAt;

	protected PostEntity() {
	}

	PostEntity(UUID authorPk, String title, String slug, String content, String excerpt, List<String> tags) {
		this.pk = UUID.randomUUID();
		this.identifier = slug;
		this.authorPk = authorPk;
		this.title = title;
		this.slug = slug;
		this.content = content;
		this.excerpt = excerpt;
		this.tags = tags.toArray(String[]::new);
		this.updatedAt = Instant.now();
	}

	UUID getPk() {
		return this.pk;
	}

	/**
	 * Publishes the post; publishing a published post changes nothing.
	 * @param now the time of publication
	 */
	void publish(Instant now) {
		if (!this.published) {
			this.published = true;
			this.publishedAt = now;
			this.updatedAt = now;
		}
	}

}
