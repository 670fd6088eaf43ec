package dev.cairn.testing;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Base of tests that talk to the running application over HTTP and inspect its database. */
public abstract class RunningApplicationTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    protected Http http;
    protected CairnApi api;

    @BeforeEach
    void connect() {
        http = new Http(port);
        api = new CairnApi(http);
    }
}
