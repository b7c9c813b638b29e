package dev.confiture.spring.boot.test.autoconfigure;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A web controller, which database slices must leave out.
 */
@RestController
class SampleController {

	@GetMapping("/customers/count")
	long count() {
		return 0;
	}

}
