package dev.cairn.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/** Creates a fresh, empty database for each test application context. */
public final class TestDatabases {

    static final String POSTGRES_ADMIN_URL =
            System.getenv().getOrDefault("CAIRN_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    static final String POSTGRES_USER = System.getenv().getOrDefault("CAIRN_TEST_POSTGRES_USER", "postgres");
    static final String POSTGRES_PASSWORD = System.getenv().getOrDefault("CAIRN_TEST_POSTGRES_PASSWORD", "");

    private TestDatabases() {}

    /** Returns the JDBC URL of a new SQLite file in a temporary folder. */
    public static String newSqliteUrl() {
        try {
            Path folder = Files.createTempDirectory("cairn-test-");
            folder.toFile().deleteOnExit();
            return "jdbc:sqlite:" + folder.resolve("cairn.db")
                    + "?journal_mode=WAL&busy_timeout=10000&foreign_keys=true&transaction_mode=IMMEDIATE";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates a new PostgreSQL database, dropped when the JVM exits, and returns its JDBC URL. */
    public static String newPostgresUrl() {
        String name = "cairn_test_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        execute("CREATE DATABASE " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> dropQuietly(name)));
        int slash = POSTGRES_ADMIN_URL.lastIndexOf('/');
        return POSTGRES_ADMIN_URL.substring(0, slash + 1) + name;
    }

    /** Reports whether the PostgreSQL server for tests accepts connections. */
    public static boolean postgresAvailable() {
        try (Connection ignored = DriverManager.getConnection(POSTGRES_ADMIN_URL, POSTGRES_USER, POSTGRES_PASSWORD)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(POSTGRES_ADMIN_URL, POSTGRES_USER, POSTGRES_PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL statement failed: " + sql, e);
        }
    }

    private static void dropQuietly(String name) {
        try {
            execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (RuntimeException e) {
            // The server may already be gone at JVM exit; a leftover test database is harmless.
        }
    }
}
