package dev.confiture.demo.blog;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A row of {@code tb_comment}, the command side of comments. Inserting one refreshes the
 * {@code tv_comment} document and the {@code tv_post} document of its post (a trigger).
 */
@Entity
@Table(name = "tb_comment")
class CommentEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Integer id;

	@Column(name = "pk_comment", nullable = false, updatable = false)
	private UUID pk;

	@Column(name = "fk_post", nullable = false, updatable = false)
	private UUID postPk;

	@Column(name = "fk_user", nullable = false, updatable = false)
	private UUID authorPk;

	private String content;

	protected CommentEntity() {
	}

	CommentEntity(UUID postPk, UUID authorPk, String content) {
		this.pk = UUID.randomUUID();
		this.postPk = postPk;
		this.authorPk = authorPk;
		this.content = content;
	}

	UUID getPk() {
		return this.pk;
	}

}
