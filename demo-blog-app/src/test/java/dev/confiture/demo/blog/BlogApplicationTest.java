package dev.confiture.demo.blog;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port, on a database of its own on the JVM's shared
 * test server, built by Confiture with the {@code common} and {@code test} seeds. Test
 * classes with this annotation share one application context, hence one database: tests
 * create the rows they change.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "confiture.seed-profiles=common,test")
@ContextConfiguration(initializers = ScratchDatabaseInitializer.class)
@interface BlogApplicationTest {

}
