package dev.cairn.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.forms.Forms;
import dev.cairn.testing.CairnApi;
import dev.cairn.testing.RunningApplicationTest;
import dev.cairn.testing.SqliteTest;
import dev.cairn.tracking.Sites;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** With {@code cairn.demo.enabled=false}, the demo pages and the demo form are gone. */
@SqliteTest
@TestPropertySource(properties = "cairn.demo.enabled=false")
class DemoSwitchTest extends RunningApplicationTest {

    @Autowired
    Sites sites;

    @Autowired
    Forms forms;

    @Test
    void disabledDemo_hidesPages() {
        assertThat(http.get("/demo/").status()).isEqualTo(404);
        assertThat(http.get("/demo/contact.html").status()).isEqualTo(404);
        assertThat(http.get("/cairn.js").status()).isEqualTo(200);
    }

    @Test
    void disabledDemo_switchesOffExistingForm() {
        new DemoSeeder(sites, forms, new DemoProperties(true, List.of())).run(null);
        assertThat(api.submit(CairnApi.contactForm(CairnApi.uniqueEmail("before"), null))
                        .status())
                .isEqualTo(303);

        new DemoSeeder(sites, forms, new DemoProperties(false, List.of())).run(null);

        assertThat(api.submit(CairnApi.contactForm(CairnApi.uniqueEmail("after"), null))
                        .status())
                .isEqualTo(404);
    }
}
