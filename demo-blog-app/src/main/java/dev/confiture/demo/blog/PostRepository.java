package dev.confiture.demo.blog;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PostRepository extends JpaRepository<PostEntity, Integer> {

	Optional<PostEntity> findByPk(UUID pk);

	boolean existsByPk(UUID pk);

	boolean existsBySlug(String slug);

	/**
	 * Adds one view in a single {@code UPDATE}, so that concurrent readers never lose a
	 * count.
	 * @param pk the post
	 * @return the number of posts updated: 0 if none has this id
	 */
	@Modifying
	@Query("UPDATE PostEntity p SET p.viewCount = p.viewCount + 1 WHERE p.pk = :pk")
	int recordView(UUID pk);

}
