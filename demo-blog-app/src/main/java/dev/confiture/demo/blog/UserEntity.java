package dev.confiture.demo.blog;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A row of {@code tb_user}, the command side of users. Timestamps are left to the
 * database defaults; the {@code tv_user} document is written by a trigger.
 */
@Entity
@Table(name = "tb_user")
class UserEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Integer id;

	@Column(name = "pk_user", nullable = false, updatable = false)
	private UUID pk;

	private String identifier;

	private String email;

	private String username;

	@Column(name = "full_name")
	private String fullName;

	private String bio;

	protected UserEntity() {
	}

	UserEntity(String email, String username, String fullName, String bio) {
		this.pk = UUID.randomUUID();
		this.identifier = username;
		this.email = email;
		this.username = username;
		this.fullName = fullName;
		this.bio = bio;
	}

	UUID getPk() {
		return this.pk;
	}

}
