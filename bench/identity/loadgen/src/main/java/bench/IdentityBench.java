package bench;

import com.rabbitmq.client.*;
import dev.tenantfleet.model.identity.IdentityRouting;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

import java.net.URI;
import java.net.http.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.time.Instant;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;
import java.util.concurrent.locks.LockSupport;

/** Load generator for bench/identity (see bench/README.md, section identity). Modes: throughput, latency, tagcost, ceiling. */
public final class IdentityBench {
    static final int TENANTS = 1000, USERS = 100_000, POLICIES_PER_TENANT = 5, CLIENTS_PER_TENANT = 3;
    static final UUID[] TENANT = new UUID[TENANTS];
    static final UUID[] USER = new UUID[USERS];
    static final Map<String, Long> VERSIONS = new HashMap<>();
    static long versionBase = 0;
    static final Random RND = new Random(42);

    static { for (int i = 0; i < TENANTS; i++) TENANT[i] = new UUID(0x7e0a000000004000L | i, 0x8000000000000000L | i);
             for (int i = 0; i < USERS; i++) USER[i] = new UUID(0x05e0000000004000L | i, 0x8000000000000000L | (i * 7919L)); }

    record Ev(String routingKey, byte[] body, String entity, long version) {}

    /** Realistic mix: user updated 40%, user deactivated 5%, membership added 20%, removed 10%, policy updated 15%, oauth client deactivated 10%. */
    static Ev next() {
        int r = RND.nextInt(100);
        int u = RND.nextInt(USERS);
        UUID user = USER[u];
        UUID tenant = TENANT[u % TENANTS];
        String type, suffix, entity, data;
        if (r < 45) {
            boolean upd = r < 40;
            type = upd ? "user-updated" : "user-deactivated"; suffix = upd ? "user.updated" : "user.deactivated";
            entity = "user:" + user;
            data = "\"userId\":\"" + user + "\",\"tenantId\":\"" + tenant + "\"";
        } else if (r < 75) {
            boolean add = r < 65;
            type = add ? "membership-added" : "membership-removed"; suffix = add ? "membership.added" : "membership.removed";
            entity = "membership:" + tenant + ":" + user;
            data = "\"tenantId\":\"" + tenant + "\",\"userId\":\"" + user + "\"" + (add ? ",\"roles\":[\"sales\"]" : "");
        } else if (r < 90) {
            UUID t = TENANT[RND.nextInt(TENANTS)];
            UUID p = new UUID(t.getMostSignificantBits(), RND.nextInt(POLICIES_PER_TENANT));
            type = "policy-updated"; suffix = "policy.updated"; tenant = t;
            entity = "policy:" + t + ":" + p;
            data = "\"tenantId\":\"" + t + "\",\"policyId\":\"" + p + "\"";
        } else {
            UUID t = TENANT[RND.nextInt(TENANTS)];
            UUID c = new UUID(t.getLeastSignificantBits(), 0x1000 + RND.nextInt(CLIENTS_PER_TENANT));
            type = "oauth-client-deactivated"; suffix = "oauth-client.deactivated"; tenant = t;
            entity = "oauth-client:" + t + ":" + c;
            data = "\"tenantId\":\"" + t + "\",\"clientId\":\"" + c + "\"";
        }
        long v = VERSIONS.merge(entity, 1L, Long::sum) + versionBase;
        String json = "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/identity\",\"type\":\"tenantfleet.identity."
                + type + ".v1\",\"time\":\"" + Instant.now() + "\",\"datacontenttype\":\"application/json\",\"data\":{" + data
                + ",\"version\":" + v + "}}";
        return new Ev(IdentityRouting.routingKey(tenant, suffix), json.getBytes(StandardCharsets.UTF_8), entity, v);
    }

    static final AMQP.BasicProperties PROPS = new AMQP.BasicProperties.Builder()
            .contentType("application/cloudevents+json").deliveryMode(2).build();

    static Connection amqp() throws Exception {
        ConnectionFactory f = new ConnectionFactory();
        f.setHost(env("RABBITMQ_HOST", "127.0.0.1"));
        return f.newConnection("identity-bench");
    }
    static String env(String k, String d) { String v = System.getenv(k); return v == null || v.isEmpty() ? d : v; }

    static double counters(HttpClient http, String url) throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
        double sum = 0;
        for (String line : body.split("\n")) {
            if (line.startsWith("identity_events_applied_total{") || line.startsWith("identity_events_ignored_stale_total{")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    public static void main(String[] a) throws Exception {
        switch (a[0]) {
            case "throughput" -> throughput(a[1], Integer.parseInt(a[2]), a[3]);
            case "latency" -> latency(a[1], Integer.parseInt(a[2]), Integer.parseInt(a[3]), a[4], Long.parseLong(a[5]));
            case "tagcost" -> tagcost(a[1], a[2], Integer.parseInt(a[3]));
            case "ceiling" -> ceiling(a[1], Integer.parseInt(a[2]), Integer.parseInt(a[3]));
            case "delete" -> delete(a[1], Arrays.copyOfRange(a, 2, a.length));
            case "publish" -> publish(a[1], Integer.parseInt(a[2]), Long.parseLong(a[3]));
            case "drain" -> drain(a[1], Integer.parseInt(a[2]));
            default -> throw new IllegalArgumentException(a[0]);
        }
    }

    /** Publish n events as fast as possible (confirms every 500), time until applied+stale grew by n. */
    static void throughput(String exchange, int n, String metricsUrl) throws Exception {
        Ev[] evs = new Ev[n];
        for (int i = 0; i < n; i++) evs[i] = next();
        HttpClient http = HttpClient.newHttpClient();
        double base = counters(http, metricsUrl);
        try (Connection c = amqp(); Channel ch = c.createChannel()) {
            ch.confirmSelect();
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                ch.basicPublish(exchange, evs[i].routingKey(), PROPS, evs[i].body());
                if ((i + 1) % 500 == 0) ch.waitForConfirmsOrDie(30_000);
            }
            ch.waitForConfirmsOrDie(30_000);
            long tPub = System.nanoTime();
            double atPub = counters(http, metricsUrl) - base;
            double done;
            while ((done = counters(http, metricsUrl) - base) < n) {
                if (System.nanoTime() - t0 > 600e9) break;
                Thread.sleep(20);
            }
            long t1 = System.nanoTime();
            System.out.printf(Locale.ROOT, "throughput events=%d published_in_s=%.3f publish_rate_per_s=%.0f consumed=%.0f end_to_end_s=%.3f events_per_s=%.0f consumed_during_publish=%.0f backlog_drain_per_s=%.0f%n",
                    n, (tPub - t0) / 1e9, n / ((tPub - t0) / 1e9), done, (t1 - t0) / 1e9, done / ((t1 - t0) / 1e9),
                    atPub, (done - atPub) / ((t1 - tPub) / 1e9));
        }
    }

    /** Publish n events (versions from vbase, so newer than any earlier run's), confirms every 500, and exit. */
    static void publish(String exchange, int n, long vbase) throws Exception {
        versionBase = vbase;
        Ev[] evs = new Ev[n];
        for (int i = 0; i < n; i++) evs[i] = next();
        try (Connection c = amqp(); Channel ch = c.createChannel()) {
            ch.confirmSelect();
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                ch.basicPublish(exchange, evs[i].routingKey(), PROPS, evs[i].body());
                if ((i + 1) % 500 == 0) ch.waitForConfirmsOrDie(30_000);
            }
            ch.waitForConfirmsOrDie(30_000);
            System.out.printf(Locale.ROOT, "publish events=%d published_in_s=%.3f%n", n, (System.nanoTime() - t0) / 1e9);
        }
    }

    /** A freshly started consumer drains a pre-filled queue: time from now until applied+stale reached n. */
    static void drain(String metricsUrl, int n) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long t0 = System.nanoTime();
        double atStart = counters(http, metricsUrl);
        double done;
        while ((done = counters(http, metricsUrl)) < n) {
            if (System.nanoTime() - t0 > 600e9) break;
            Thread.sleep(20);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "drain events=%d applied_before_timing=%.0f drained=%.0f drain_s=%.3f events_per_s=%.0f%n",
                n, atStart, done - atStart, seconds, (done - atStart) / seconds);
    }

    /** Publish at a fixed rate; a poller sees each event's version in Redis (<prefix>:ver:<entity>). */
    static void latency(String exchange, int rate, int seconds, String prefix, long vbase) throws Exception {
        versionBase = vbase;
        int n = rate * seconds;
        Ev[] evs = new Ev[n];
        for (int i = 0; i < n; i++) evs[i] = next();
        long[] published = new long[n];
        long[] seen = new long[n];
        ConcurrentLinkedQueue<Integer> inbox = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger done = new AtomicInteger();
        Thread poller = new Thread(() -> {
            try (Jedis j = new Jedis(env("REDIS_HOST", "127.0.0.1"), 6379)) {
                List<Integer> pending = new ArrayList<>();
                while (!stop.get()) {
                    Integer x; while ((x = inbox.poll()) != null) pending.add(x);
                    // Parks between rounds (0.1-0.2 ms resolution) instead of spinning: a spinning poller took a whole
                    // core of the two the consumer, broker and Redis share, and so measured itself (bench/README.md).
                    if (pending.isEmpty()) { LockSupport.parkNanos(100_000); continue; }
                    Pipeline p = j.pipelined();
                    List<Response<String>> rs = new ArrayList<>(pending.size());
                    for (int i : pending) rs.add(p.get(prefix + ":ver:" + evs[i].entity()));
                    p.sync();
                    long now = System.nanoTime();
                    List<Integer> still = new ArrayList<>();
                    for (int k = 0; k < pending.size(); k++) {
                        int i = pending.get(k);
                        String v = rs.get(k).get();
                        if (v != null && Long.parseLong(v) >= evs[i].version()) { seen[i] = now; done.incrementAndGet(); }
                        else still.add(i);
                    }
                    pending = still;
                    if (!pending.isEmpty()) LockSupport.parkNanos(200_000);
                }
            }
        });
        poller.start();
        try (Connection c = amqp(); Channel ch = c.createChannel()) {
            ch.confirmSelect();
            long t0 = System.nanoTime();
            long interval = 1_000_000_000L / rate;
            for (int i = 0; i < n; i++) {
                long due = t0 + i * interval;
                for (long d = due - System.nanoTime(); d > 0; d = due - System.nanoTime()) LockSupport.parkNanos(d);
                published[i] = System.nanoTime();
                ch.basicPublish(exchange, evs[i].routingKey(), PROPS, evs[i].body());
                inbox.add(i);
                if ((i + 1) % 100 == 0) ch.waitForConfirmsOrDie(30_000);  // confirms in small batches, off the hot path of the poller
            }
            ch.waitForConfirmsOrDie(30_000);
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (done.get() < n && System.nanoTime() < deadline) Thread.sleep(10);
            stop.set(true); poller.join();
            double[] ms = new double[done.get()]; int k = 0;
            for (int i = 0; i < n; i++) if (seen[i] != 0) ms[k++] = (seen[i] - published[i]) / 1e6;
            Arrays.sort(ms);
            System.out.printf(Locale.ROOT, "latency rate=%d seconds=%d events=%d seen=%d actual_rate=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f%n",
                    rate, seconds, n, k, n / ((published[n - 1] - t0) / 1e9), pct(ms, 50), pct(ms, 90), pct(ms, 99), ms[ms.length - 1]);
        }
    }
    static double pct(double[] s, double p) { return s[Math.min(s.length - 1, (int) Math.ceil(p / 100 * s.length) - 1)]; }

    /** {calls, usec} of EVALSHA from INFO commandstats. */
    static long[] evalshaStats(Jedis j) {
        for (String line : j.info("commandstats").split("\r?\n")) {
            if (line.startsWith("cmdstat_evalsha:")) {
                long calls = 0, usec = 0;
                for (String kv : line.substring(line.indexOf(':') + 1).split(",")) {
                    String[] p = kv.split("=");
                    if (p[0].equals("calls")) calls = Long.parseLong(p[1]);
                    if (p[0].equals("usec")) usec = Long.parseLong(p[1]);
                }
                return new long[] {calls, usec};
            }
        }
        return new long[] {0, 0};
    }

    /**
     * Tag invalidation cost: 1,000 entries carry tag A and 1,000,000 carry tag B (identity-cache layout), all in Redis at
     * once; then invalidate.lua runs on A and on B in alternating blocks, so both are measured against the same keyspace
     * (same size, same incremental rehashing): client-side latency per call and Redis's own time (INFO commandstats).
     */
    static void tagcost(String prefix, String luaFile, int invalidations) throws Exception {
        String lua = Files.readString(Path.of(luaFile));
        int[] sizes = {1000, 1_000_000};
        try (Jedis j = new Jedis(env("REDIS_HOST", "127.0.0.1"), 6379, 60_000)) {
            String sha = j.scriptLoad(lua);
            String[] counters = new String[sizes.length];
            for (int s = 0; s < sizes.length; s++) {
                String tag = "tenant:" + new UUID(0xbe7c000000004000L, sizes[s]);
                counters[s] = prefix + ":tag:" + tag;
                j.set(counters[s], "1048576");
                j.pexpire(counters[s], 7_200_000);
                long f0 = System.nanoTime();
                fill(j, prefix, tag, sizes[s], true);
                System.out.printf(Locale.ROOT, "tagcost-fill carriers=%d fill_s=%.1f%n", sizes[s], (System.nanoTime() - f0) / 1e9);
            }
            for (int s = 0; s < sizes.length; s++) {
                for (int w = 0; w < 200; w++) j.evalsha(sha, List.of(counters[s]), List.of("7200000", "123456789"));
            }
            int blocks = 4;
            int perBlock = invalidations / blocks;
            long[][] us = new long[sizes.length][perBlock * blocks];
            long[] serverCalls = new long[sizes.length];
            long[] serverUsec = new long[sizes.length];
            for (int b = 0; b < blocks; b++) {
                for (int s = 0; s < sizes.length; s++) {
                    long[] before = evalshaStats(j);
                    for (int i = 0; i < perBlock; i++) {
                        long t = System.nanoTime();
                        j.evalsha(sha, List.of(counters[s]), List.of("7200000", "123456789"));
                        us[s][b * perBlock + i] = (System.nanoTime() - t) / 1000;
                    }
                    long[] after = evalshaStats(j);
                    serverCalls[s] += after[0] - before[0];
                    serverUsec[s] += after[1] - before[1];
                }
            }
            for (int s = 0; s < sizes.length; s++) {
                Arrays.sort(us[s]);
                int n = us[s].length;
                System.out.printf(Locale.ROOT, "tagcost carriers=%d invalidations=%d median_us=%d p99_us=%d server_us_per_call=%.2f dbsize=%d%n",
                        sizes[s], n, us[s][n / 2], us[s][(int) (n * 0.99)],
                        (double) serverUsec[s] / Math.max(1, serverCalls[s]), j.dbSize());
            }
            for (int s = 0; s < sizes.length; s++) {
                fill(j, prefix, "tenant:" + new UUID(0xbe7c000000004000L, sizes[s]), sizes[s], false);
                j.unlink(counters[s]);
            }
        }
    }

    /** Writes (or unlinks) {@code size} tenant-user entries carrying {@code tag}, pipelined. */
    static void fill(Jedis j, String prefix, String tag, int size, boolean write) {
        Pipeline p = j.pipelined();
        for (int i = 0; i < size; i++) {
            UUID uid = new UUID(0x05e0000000004000L | (i >>> 20), 0x8000000000000000L | i);
            String key = prefix + ":t:" + tag.substring(7) + ":user:" + uid;
            if (write) {
                p.psetex(key, 900_000, "{\"tags\":{\"" + tag + "\":1048576,\"user:" + uid + "\":2097152},\"data\":{\"id\":\"" + uid + "\",\"roles\":[\"sales\"],\"status\":\"active\"}}");
            } else {
                p.unlink(key);
            }
            if (i % 10_000 == 9_999) p.sync();
        }
        p.sync();
    }

    /** Broker ceiling: publish n messages of the same size into a temp quorum queue, then drain with a plain consumer (same prefetch, manual ack per message). */
    static void ceiling(String queue, int n, int prefetch) throws Exception {
        Ev[] evs = new Ev[1000];
        for (int i = 0; i < evs.length; i++) evs[i] = next();
        try (Connection c = amqp(); Channel ch = c.createChannel()) {
            ch.queueDeclare(queue, true, false, false, Map.of("x-queue-type", "quorum"));
            ch.confirmSelect();
            long p0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                ch.basicPublish("", queue, PROPS, evs[i % evs.length].body());
                if ((i + 1) % 500 == 0) ch.waitForConfirmsOrDie(30_000);
            }
            ch.waitForConfirmsOrDie(30_000);
            long p1 = System.nanoTime();
            Channel cc = c.createChannel();
            cc.basicQos(prefetch);
            CountDownLatch latch = new CountDownLatch(n);
            long t0 = System.nanoTime();
            cc.basicConsume(queue, false, (tag, d) -> { cc.basicAck(d.getEnvelope().getDeliveryTag(), false); latch.countDown(); }, tag -> {});
            latch.await(300, TimeUnit.SECONDS);
            long t1 = System.nanoTime();
            System.out.printf(Locale.ROOT, "ceiling queue=quorum prefetch=%d messages=%d publish_per_s=%.0f drained=%d drain_s=%.3f consume_per_s=%.0f%n",
                    prefetch, n, n / ((p1 - p0) / 1e9), n - latch.getCount(), (t1 - t0) / 1e9, (n - latch.getCount()) / ((t1 - t0) / 1e9));
            cc.close();
            ch.queueDelete(queue);
        }
    }

    /** Cleanup: delete the bench's queues (given) and exchanges (comma-separated first argument). */
    static void delete(String exchanges, String[] queues) throws Exception {
        try (Connection c = amqp()) {
            for (String q : queues) { try (Channel ch = c.createChannel()) { ch.queueDelete(q); System.out.println("deleted queue " + q); } catch (Exception e) { System.out.println("queue " + q + ": " + e.getMessage()); } }
            for (String x : exchanges.split(",")) { try (Channel ch = c.createChannel()) { ch.exchangeDelete(x); System.out.println("deleted exchange " + x); } catch (Exception e) { System.out.println("exchange " + x + ": " + e.getMessage()); } }
        }
    }
}
