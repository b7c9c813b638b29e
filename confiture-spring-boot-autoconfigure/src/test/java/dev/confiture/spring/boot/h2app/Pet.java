package dev.confiture.spring.boot.h2app;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/**
 * An entity whose table Hibernate creates on H2.
 */
@Entity
public class Pet {

	@Id
	@GeneratedValue
	private Long id;

	private String name;

	protected Pet() {
	}

	public Pet(String name) {
		this.name = name;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

}
