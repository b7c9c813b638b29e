package dev.confiture.demo.blog;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface PostRepository extends JpaRepository<PostEntity, Integer> {

	Optional<PostEntity> findByPk(UUID pk);

	boolean existsByPk(UUID pk);

	boolean existsBySlug(String slug);

}
