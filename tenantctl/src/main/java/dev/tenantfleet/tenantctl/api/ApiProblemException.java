package dev.tenantfleet.tenantctl.api;

/** tenant-service answered an error status (4xx/5xx), with a problem body when it sent one. */
public final class ApiProblemException extends RuntimeException {
    private final int status;
    private final Problem problem;
    private final String request;
    private final String body;

    public ApiProblemException(int status, Problem problem, String request, String rawBody) {
        super(
                problem != null
                        ? problem.describe()
                        : "HTTP " + status + " from " + request
                                + (rawBody == null || rawBody.isBlank()
                                        ? ""
                                        : ": " + abbreviate(rawBody.strip(), 300)));
        this.status = status;
        this.problem = problem;
        this.request = request;
        this.body = rawBody;
    }

    /** The answer's body as sent (a problem's extensions, such as an adoption's {@code problems}), or null. */
    public String body() {
        return body;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The problem body, or null when the answer was not problem+json. */
    public Problem problem() {
        return problem;
    }

    /** The problem's {@code code}, or null. */
    public String code() {
        return problem == null ? null : problem.code();
    }

    /** e.g. {@code GET /api/releases/...}. */
    public String request() {
        return request;
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...";
    }
}
