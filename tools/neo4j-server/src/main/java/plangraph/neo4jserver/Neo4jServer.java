package plangraph.neo4jserver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Neo4j 5 Community in-process, for plangraph's tests and benchmarks.
 *
 * <p>Usage: {@code java -jar neo4j-server.jar [DIR] [--port N]}. Starts a DBMS in DIR (a fresh temporary
 * directory, deleted on exit, when omitted) with Bolt on 127.0.0.1 (a free port unless {@code --port}),
 * authentication off, usage reporting off, LOAD CSV confined to DIR/import (the server default). When the database is ready it prints one line
 * {@code bolt://127.0.0.1:PORT} on stdout. It shuts down cleanly when stdin reaches end of file (the
 * parent closed the pipe or died), when the parent process exits, or on SIGTERM/SIGINT.
 */
public final class Neo4jServer {
    private Neo4jServer() {}

    public static void main(String[] args) throws Exception {
        Path dir = null;
        int port = 0;
        for (int i = 0; i < args.length; i++) {
            if ("--port".equals(args[i]) && i + 1 < args.length) {
                port = Integer.parseInt(args[++i]);
            } else {
                dir = Path.of(args[i]);
            }
        }
        boolean temporary = dir == null;
        Path home = temporary ? Files.createTempDirectory("plangraph-neo4j-") : dir.toAbsolutePath();
        Files.createDirectories(home);

        long pagecache = Long.getLong("neo4j.pagecache.mb", 128L) * 1024L * 1024L;
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pagecache)
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "false")
                // LOAD CSV reads file:/// URLs below DIR/import only, as a packaged Neo4j server does
                .setConfig(GraphDatabaseSettings.load_csv_file_url_root, home.resolve("import"))
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .build();

        Object lock = new Object();
        boolean[] stopped = {false};
        Runnable stop = () -> {
            synchronized (lock) {
                if (stopped[0]) {
                    return;
                }
                stopped[0] = true;
            }
            try {
                dbms.shutdown();
            } catch (RuntimeException e) {
                System.err.println("neo4j-server: shutdown failed: " + e);
            }
            if (temporary) {
                deleteTree(home);
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "neo4j-server-shutdown"));

        GraphDatabaseAPI db = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        var address = db.getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT);
        System.out.println("bolt://127.0.0.1:" + address.getPort());
        System.out.flush();

        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(0)));
        InputStream in = System.in;
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // the parent keeps the pipe open while it wants the server; input is ignored
            }
        } catch (IOException e) {
            // stdin gone: same as end of file
        }
        System.exit(0);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("neo4j-server: could not delete " + root + ": " + e);
        }
    }
}
