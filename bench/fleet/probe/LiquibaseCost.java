import java.io.File;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Arrays;
import java.util.Map;
import liquibase.GlobalConfiguration;
import liquibase.Scope;
import liquibase.UpdateSummaryEnum;
import liquibase.changelog.ChangeLogParameters;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateToTagCommandStep;
import liquibase.command.core.helpers.DatabaseChangelogCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;

/**
 * Probe for bench/fleet: what one Liquibase command costs a long-running JVM (like the migration-worker) before any
 * changeset runs. Single-file program, run with the Liquibase CLI classpath (see bench/README.md):
 *
 * <pre>java -cp CLASSPATH bench/fleet/probe/LiquibaseCost.java SEARCH_PATH CHANGELOG [JDBC_URL USER TAG]</pre>
 *
 * 1. parses the changelog again and again, with Liquibase's XSD validation on (the default) and off
 *    ({@code liquibase.validateXmlChangelogFiles=false}): CPU milliseconds per parse, one thread;
 * 2. with a database already at TAG: runs {@code update-to-tag TAG} in-process again and again (nothing to apply), i.e.
 *    the fixed cost of a command on a connection that is already open: parse + history checks + lock + validation.
 * Every figure is the median of 5 rounds after a warm-up, so JIT compilation is not in it.
 */
public class LiquibaseCost {
    public static void main(String[] args) throws Exception {
        ResourceAccessor resources = new DirectoryResourceAccessor(new File(args[0]));
        String changelog = args[1];
        for (boolean validate : new boolean[] {true, false}) {
            double ms = rounds(200, () -> Scope.child(Map.of(Scope.Attr.resourceAccessor.name(), resources,
                    GlobalConfiguration.VALIDATE_XML_CHANGELOG_FILES.getKey(), validate), () -> {
                ChangeLogParserFactory.getInstance().getParser(changelog, resources)
                        .parse(changelog, new ChangeLogParameters(), resources);
            }));
            System.out.printf("parse %s validateXmlChangelogFiles=%s: %.1f ms per parse%n", changelog, validate, ms);
        }
        if (args.length < 5) {
            return;
        }
        try (Connection jdbc = DriverManager.getConnection(args[2], args[3], "")) {
            for (boolean validate : new boolean[] {true, false}) {
                double ms = rounds(30, () -> {
                    Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(jdbc));
                    Scope.child(Map.of(Scope.Attr.resourceAccessor.name(), resources,
                            GlobalConfiguration.VALIDATE_XML_CHANGELOG_FILES.getKey(), validate), () -> {
                        new CommandScope(UpdateToTagCommandStep.COMMAND_NAME)
                                .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_FILE_ARG, changelog)
                                .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                                .addArgumentValue(UpdateToTagCommandStep.TAG_ARG, args[4])
                                .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY, UpdateSummaryEnum.OFF)
                                .setOutput(OutputStream.nullOutputStream())
                                .execute();
                    });
                });
                System.out.printf("update-to-tag %s with nothing to apply, open connection, validateXmlChangelogFiles=%s:"
                        + " %.1f ms per command%n", args[4], validate, ms);
            }
        }
    }

    interface Body {
        void run() throws Exception;
    }

    /** Median over 5 rounds of the mean wall milliseconds of {@code n} runs, after one warm-up round. */
    static double rounds(int n, Body body) throws Exception {
        double[] means = new double[6];
        for (int round = 0; round < means.length; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                body.run();
            }
            means[round] = (System.nanoTime() - start) / 1e6 / n;
        }
        double[] counted = Arrays.copyOfRange(means, 1, means.length);
        Arrays.sort(counted);
        return counted[counted.length / 2];
    }
}
