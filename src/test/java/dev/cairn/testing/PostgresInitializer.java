package dev.cairn.testing;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points the application context at a new PostgreSQL database. */
public class PostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                        "spring.datasource.url=" + TestDatabases.newPostgresUrl(),
                        "spring.datasource.username=" + TestDatabases.POSTGRES_USER,
                        "spring.datasource.password=" + TestDatabases.POSTGRES_PASSWORD)
                .applyTo(context);
    }
}
