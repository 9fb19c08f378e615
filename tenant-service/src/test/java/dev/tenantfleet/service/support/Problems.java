package dev.tenantfleet.service.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;

/** Assertions on RFC 9457 problem answers: every 4xx carries application/problem+json with a code and a hint. */
public final class Problems {
    private Problems() {}

    /** {@code response} is a problem with {@code status}; returns its code. */
    public static String assertProblem(Response response, int status) {
        assertThat(response.statusCode()).as("status of %s", describe(response)).isEqualTo(status);
        return assertProblemBody(response);
    }

    /** {@code response} is no 5xx, and a problem with a code and a hint if it is a 4xx. */
    public static void assertNoServerErrorAndProblemOn4xx(Response response, String request) {
        assertThat(response.statusCode())
                .as("%s answered %s", request, describe(response))
                .isLessThan(500);
        if (response.statusCode() >= 400) {
            assertProblemBody(response);
        }
    }

    private static String assertProblemBody(Response response) {
        assertThat(response.contentType())
                .as("content type of %s", describe(response))
                .startsWith("application/problem+json");
        String code = response.path("code");
        assertThat(code).as("code of %s", describe(response)).isNotBlank();
        assertThat((String) response.path("hint"))
                .as("hint of %s", describe(response))
                .isNotBlank();
        assertThat((Integer) response.path("status")).isEqualTo(response.statusCode());
        return code;
    }

    private static String describe(Response response) {
        String body = response.body().asString();
        return response.statusCode() + " " + response.contentType() + " "
                + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
    }
}
