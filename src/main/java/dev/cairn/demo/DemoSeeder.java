package dev.cairn.demo;

import dev.cairn.forms.FormDefinition;
import dev.cairn.forms.FormKind;
import dev.cairn.forms.Forms;
import dev.cairn.tracking.Sites;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Creates the demo site {@code demo} and the form {@code contact} on first start. */
@Component
class DemoSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);
    static final String SITE = "demo";
    static final String FORM = "contact";

    private final Sites sites;
    private final Forms forms;
    private final DemoProperties properties;

    DemoSeeder(Sites sites, Forms forms, DemoProperties properties) {
        this.sites = sites;
        this.forms = forms;
        this.properties = properties;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!properties.enabled()) {
            // An earlier start may have created the demo form: switch it off so that it sends no email.
            if (forms.find(FORM).isPresent()) {
                forms.setEnabled(FORM, false);
            }
            return;
        }
        if (sites.exists(SITE)) {
            // A configured allowlist applies on every start, so changing it needs no database edit.
            if (!properties.allowedOrigins().isEmpty()) {
                sites.replaceAllowedOrigins(SITE, properties.allowedOrigins());
            }
        } else {
            List<String> origins = properties.allowedOrigins().isEmpty()
                    ? List.of(
                            "http://localhost:" + Sites.PORT_PLACEHOLDER, "http://127.0.0.1:" + Sites.PORT_PLACEHOLDER)
                    : properties.allowedOrigins();
            sites.register(SITE, "Cairn demo site", origins);
            log.info("Created demo site '{}'", SITE);
        }
        if (forms.find(FORM).isEmpty()) {
            forms.define(
                    new FormDefinition(FORM, SITE, "Contact us", FormKind.CONTACT, "/demo/thanks.html", List.of()));
            log.info("Created demo form '{}'", FORM);
        } else {
            forms.setEnabled(FORM, true);
        }
    }
}
