package dev.confiture.spring.boot.reportapp;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * A row of the reporting database (a second DataSource), mapped by JPA.
 */
@Entity
public class Report {

	@Id
	private Long id;

	private String title;

	protected Report() {
	}

	public Long getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

}
