package dev.confiture.spring.boot.test.autoconfigure;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * A Spring Data JPA repository of the sample application.
 */
public interface CustomerRepository extends JpaRepository<Customer, Long> {

	Optional<Customer> findByEmail(String email);

}
