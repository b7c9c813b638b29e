package dev.confiture.spring.boot.test.autoconfigure;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application of the tests: a controller, a JDBC repository and a JPA entity.
 */
@SpringBootApplication
public class SampleApplication {

}
