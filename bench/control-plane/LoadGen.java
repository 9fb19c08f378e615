import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Closed-loop load on tenant-service's control-plane API (bench/control-plane, issue 13): CLIENTS threads, each sending
 * its next request as soon as the last one is answered, for WARMUP seconds (not counted) and then DURATION seconds.
 * JDK only, run with {@code java LoadGen.java}; see bench/control-plane/README.md for the mix and the verdict.
 *
 * <pre>java LoadGen.java BASE_URL SLUGS_FILE RELEASE_ID CLIENTS DURATION_S WARMUP_S RACING_PAIRS</pre>
 *
 * The token is read from the environment (SYSTEM_API_TOKEN), never from the command line, which ps shows.
 */
public final class LoadGen {
    private static final List<String> TARGETS = List.of("ACTIVE", "READ_ONLY", "SUSPENDED");
    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Z_]+)\"");
    private static final int HOT_TENANTS = 4;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** One endpoint of the mix and its weight among the mixed clients' requests (percent). */
    enum Kind {
        GET_TENANT(25), LIST_PAGE(15), LIST_BY_STATUS(10), GET_AUDIT(5), GET_SERVERS(5), LIST_RELEASES(10),
        GET_RELEASE(5), CHANGE_STATUS(25), RACE_STATUS(0);

        final int weight;

        Kind(int weight) {
            this.weight = weight;
        }

        boolean write() {
            return this == CHANGE_STATUS || this == RACE_STATUS;
        }
    }

    private final String base;
    private final String token;
    private final List<String> slugs;
    private final List<String> hot;
    private final String releaseId;
    private final HttpClient http;
    private final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
    private final Map<String, String> firstBodyOf = new ConcurrentHashMap<>();
    private final List<Recorder> recorders = new ArrayList<>();
    private volatile long measureFrom;
    private volatile long measureUntil;

    private LoadGen(String base, String token, List<String> slugs, String releaseId) {
        this.base = base;
        this.token = token;
        this.slugs = slugs;
        this.hot = slugs.subList(0, HOT_TENANTS);
        this.releaseId = releaseId;
        // HTTP/1.1 as a deploy script or tenantctl talks to it; one keep-alive connection per busy client
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 7) {
            System.err.println("usage: java LoadGen.java BASE_URL SLUGS_FILE RELEASE_ID CLIENTS DURATION_S WARMUP_S RACING_PAIRS");
            System.exit(64);
        }
        String token = System.getenv("SYSTEM_API_TOKEN");
        if (token == null || token.isBlank()) {
            System.err.println("SYSTEM_API_TOKEN is not set");
            System.exit(64);
        }
        List<String> slugs = Files.readAllLines(Path.of(args[1])).stream().map(String::strip).filter(s -> !s.isEmpty())
                .toList();
        if (slugs.size() < HOT_TENANTS + 1) {
            System.err.println("need at least " + (HOT_TENANTS + 1) + " tenants in " + args[1]);
            System.exit(64);
        }
        LoadGen load = new LoadGen(args[0], token, slugs, args[2]);
        boolean met = load.run(Integer.parseInt(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5]),
                Integer.parseInt(args[6]));
        System.exit(met ? 0 : 1);
    }

    private boolean run(int clients, int durationS, int warmupS, int racingPairs) throws Exception {
        int mixed = clients - 2 * racingPairs;
        if (mixed < 0) {
            throw new IllegalArgumentException("more racing clients than clients");
        }
        long start = System.nanoTime();
        measureFrom = start + TimeUnit.SECONDS.toNanos(warmupS);
        measureUntil = measureFrom + TimeUnit.SECONDS.toNanos(durationS);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < mixed; i++) {
            Recorder recorder = recorder();
            threads.add(new Thread(() -> mixedClient(recorder), "mixed-" + i));
        }
        for (int p = 0; p < racingPairs; p++) {
            // each pair changes its own hot tenant, both clients at the same instant, to different statuses
            String slug = hot.get(p % hot.size());
            CyclicBarrier together = new CyclicBarrier(2);
            for (int side = 0; side < 2; side++) {
                Recorder recorder = recorder();
                int offset = side;
                threads.add(new Thread(() -> racingClient(recorder, slug, together, offset), "race-" + p + "-" + side));
            }
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        return report(clients, mixed, racingPairs, durationS, warmupS);
    }

    private synchronized Recorder recorder() {
        Recorder recorder = new Recorder();
        recorders.add(recorder);
        return recorder;
    }

    private void mixedClient(Recorder recorder) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (System.nanoTime() < measureUntil) {
            Kind kind = pick(random.nextInt(100));
            send(recorder, kind, request(kind, random));
        }
    }

    private void racingClient(Recorder recorder, String slug, CyclicBarrier together, int offset) {
        int round = 0;
        while (System.nanoTime() < measureUntil) {
            long left = measureUntil - System.nanoTime();
            try {
                // never past the end: a partner that has just stopped leaves this side waiting otherwise
                together.await(Math.max(left, 0) + TimeUnit.SECONDS.toNanos(1), TimeUnit.NANOSECONDS);
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                return; // the other side stopped at the deadline
            }
            // the two sides ask for different statuses in every round, so one of them must lose or follow
            String target = TARGETS.get((round + offset) % TARGETS.size());
            send(recorder, Kind.RACE_STATUS, statusChange(slug, target, "bench race"));
            round++;
        }
        together.reset();
    }

    private static Kind pick(int percent) {
        int sum = 0;
        for (Kind kind : Kind.values()) {
            sum += kind.weight;
            if (percent < sum) {
                return kind;
            }
        }
        throw new IllegalStateException("weights do not add up to 100");
    }

    private HttpRequest request(Kind kind, ThreadLocalRandom random) {
        String slug = slugs.get(random.nextInt(slugs.size()));
        return switch (kind) {
            case GET_TENANT -> get("/api/tenants/" + slug);
            case LIST_PAGE -> get("/api/tenants?page=" + random.nextInt(Math.max(1, slugs.size() / 50)) + "&size=50");
            case LIST_BY_STATUS -> get("/api/tenants?status=" + TARGETS.get(random.nextInt(TARGETS.size()))
                    + "&page=0&size=50");
            case GET_AUDIT -> get("/api/tenants/" + slug + "/audit");
            case GET_SERVERS -> get("/api/servers");
            case LIST_RELEASES -> get("/api/releases?limit=20");
            case GET_RELEASE -> get("/api/releases/" + releaseId);
            // half of the changes go to the few hot tenants the racing pairs also change: real contention
            case CHANGE_STATUS -> statusChange(random.nextBoolean() ? hot.get(random.nextInt(hot.size())) : slug,
                    TARGETS.get(random.nextInt(TARGETS.size())), "bench");
            case RACE_STATUS -> throw new IllegalArgumentException("racing clients build their own requests");
        };
    }

    private HttpRequest get(String path) {
        return builder(path).GET().build();
    }

    private HttpRequest statusChange(String slug, String target, String reason) {
        return builder("/api/tenants/" + slug + "/status").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"to\": \"" + target + "\", \"reason\": \"" + reason + "\"}"))
                .build();
    }

    private HttpRequest.Builder builder(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token).header("X-Tenantfleet-Actor", "bench-control-plane");
    }

    private void send(Recorder recorder, Kind kind, HttpRequest request) {
        long t0 = System.nanoTime();
        String outcome;
        String body = null;
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            body = response.body();
            outcome = classify(response);
        } catch (IOException e) {
            outcome = "IO_ERROR " + e.getClass().getSimpleName();
            body = String.valueOf(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        long t1 = System.nanoTime();
        if (t0 < measureFrom || t1 > measureUntil) {
            return; // warm-up, or answered after the end: not part of the figures
        }
        recorder.add(kind, t1 - t0);
        outcomes.computeIfAbsent(kind.write() ? "write " + outcome : "read " + outcome, k -> new AtomicLong()).incrementAndGet();
        if (!outcome.startsWith("2") && body != null) {
            firstBodyOf.putIfAbsent(outcome, body.length() > 400 ? body.substring(0, 400) + "..." : body);
        }
    }

    /** "200", "409 CONCURRENT_MODIFICATION", "500 ..." : the status and, for an error, the problem's code. */
    private static String classify(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status < 400) {
            return String.valueOf(status);
        }
        Matcher code = CODE.matcher(response.body());
        String type = response.headers().firstValue("Content-Type").orElse("");
        return status + " " + (code.find() ? code.group(1) : "(no code)")
                + (type.startsWith("application/problem+json") ? "" : " (not a problem body: " + type + ")");
    }

    private boolean report(int clients, int mixed, int racingPairs, int durationS, int warmupS) {
        long[] all = merge(null);
        long[] reads = merge(false);
        long[] writes = merge(true);
        long requests = all.length;
        long concurrent409 = outcomes.entrySet().stream().filter(e -> e.getKey().contains("409 CONCURRENT_MODIFICATION"))
                .mapToLong(e -> e.getValue().get()).sum();
        long ok = outcomes.entrySet().stream().filter(e -> e.getKey().split(" ")[1].startsWith("2"))
                .mapToLong(e -> e.getValue().get()).sum();
        long errors = requests - ok - concurrent409;
        long serverErrors = outcomes.entrySet().stream().filter(e -> e.getKey().split(" ")[1].startsWith("5"))
                .mapToLong(e -> e.getValue().get()).sum();
        double p99 = millis(percentile(all, 0.99));

        System.out.printf("clients=%d (mixed %d, racing pairs %d) duration_s=%d warmup_s=%d (not counted)%n", clients,
                mixed, racingPairs, durationS, warmupS);
        System.out.printf("requests=%d throughput_rps=%.1f reads=%d writes=%d%n", requests, requests / (double) durationS,
                reads.length, writes.length);
        System.out.printf("ok_2xx=%d concurrent_modification_409=%d (documented, allowed) errors=%d (of which 5xx=%d)%n",
                ok, concurrent409, errors, serverErrors);
        System.out.println("answers by class:");
        new TreeMap<>(outcomes).forEach((k, v) -> System.out.printf("  %-60s %d%n", k, v.get()));
        System.out.println(latencies("latency_ms all   ", all));
        System.out.println(latencies("latency_ms reads ", reads));
        System.out.println(latencies("latency_ms writes", writes));
        System.out.println("by endpoint:");
        for (Kind kind : Kind.values()) {
            long[] of = mergeKind(kind);
            if (of.length > 0) {
                System.out.println(latencies(String.format("  %-15s n=%-6d", kind, of.length), of));
            }
        }
        if (!firstBodyOf.isEmpty()) {
            System.out.println("first body of each non-2xx class:");
            new TreeMap<>(firstBodyOf).forEach((k, v) -> System.out.println("  " + k + ": " + v.replace('\n', ' ')));
        }
        boolean met = errors == 0 && p99 < 100.0 && requests > 0;
        System.out.printf("target (0 errors besides documented 409s, p99 < 100 ms): %s (errors=%d, p99=%.1f ms)%n",
                met ? "MET" : "NOT MET", errors, p99);
        return met;
    }

    private long[] merge(Boolean writes) {
        return recorders.stream().flatMap(r -> r.byKind.entrySet().stream())
                .filter(e -> writes == null || e.getKey().write() == writes)
                .flatMapToLong(e -> Arrays.stream(e.getValue().toArray())).sorted().toArray();
    }

    private long[] mergeKind(Kind kind) {
        return recorders.stream().map(r -> r.byKind.get(kind)).filter(l -> l != null)
                .flatMapToLong(l -> Arrays.stream(l.toArray())).sorted().toArray();
    }

    private static String latencies(String label, long[] sorted) {
        if (sorted.length == 0) {
            return label + " (none)";
        }
        return String.format("%s p50=%.1f p90=%.1f p99=%.1f p99.9=%.1f max=%.1f", label, millis(percentile(sorted, 0.50)),
                millis(percentile(sorted, 0.90)), millis(percentile(sorted, 0.99)), millis(percentile(sorted, 0.999)),
                millis(sorted[sorted.length - 1]));
    }

    /** Nearest-rank percentile of sorted nanoseconds. */
    private static long percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    /** One client's latencies by endpoint, written by that client's thread only, read after it has ended. */
    private static final class Recorder {
        final Map<Kind, Longs> byKind = new java.util.EnumMap<>(Kind.class);

        void add(Kind kind, long nanos) {
            byKind.computeIfAbsent(kind, k -> new Longs()).add(nanos);
        }
    }

    /** A growable array of longs (a minute of latencies without boxing them). */
    private static final class Longs {
        private long[] values = new long[4096];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
