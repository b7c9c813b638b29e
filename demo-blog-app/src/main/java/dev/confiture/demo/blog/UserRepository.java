package dev.confiture.demo.blog;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface UserRepository extends JpaRepository<UserEntity, Integer> {

	boolean existsByPk(UUID pk);

	boolean existsByEmail(String email);

	boolean existsByUsername(String username);

}
