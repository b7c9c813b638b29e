package dev.confiture.demo.blog;

import org.springframework.data.jpa.repository.JpaRepository;

interface CommentRepository extends JpaRepository<CommentEntity, Integer> {

}
