import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The floor under a verified no-op release: open a new connection to each of N tenant databases and read its
 * Liquibase history with the two queries TenantInspector sends, THREADS at a time, as tenant-service does; nothing
 * else (no Quarkus, no broker, no credentials to decrypt). Prints one line per round.
 * Usage: java -cp postgresql.jar HistoryReads.java PREFIX N THREADS ROUNDS
 */
public class HistoryReads {
    public static void main(String[] args) throws Exception {
        String prefix = args[0];
        int n = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int round = 1; round <= rounds; round++) {
            long start = System.nanoTime();
            List<Future<Integer>> reads = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                String database = String.format("%s%04d", prefix, i);
                reads.add(pool.submit(() -> read(database)));
            }
            int rows = 0;
            for (Future<Integer> read : reads) {
                rows += read.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("history.reads threads=%d round=%d N=%d rows=%d wall_s=%.2f reads_per_s=%.0f%n",
                    threads, round, n, rows, seconds, n / seconds);
        }
        pool.shutdown();
    }

    private static int read(String database) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("PGHOST", System.getenv().getOrDefault("PGHOST", "127.0.0.1"));
        properties.setProperty("PGPORT", System.getenv().getOrDefault("PGPORT", "5432"));
        properties.setProperty("PGDBNAME", database);
        properties.setProperty("user", "postgres");
        properties.setProperty("ApplicationName", "history-floor");
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://", properties);
                Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT to_regclass('databasechangelog') IS NOT NULL")) {
                rs.next();
            }
            int rows = 0;
            try (ResultSet rs = statement.executeQuery("SELECT filename, id, author, md5sum, orderexecuted, tag"
                    + " FROM databasechangelog ORDER BY orderexecuted, dateexecuted")) {
                while (rs.next()) {
                    rows++;
                }
            }
            return rows;
        }
    }
}
