package dev.tenantfleet.tenantctl;

/** Entry point of {@code tenantctl.jar}: runs the command line and exits with its exit code. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int exitCode = Tenantctl.execute(Context.system(), args);
        System.out.flush();
        System.err.flush();
        System.exit(exitCode);
    }
}
