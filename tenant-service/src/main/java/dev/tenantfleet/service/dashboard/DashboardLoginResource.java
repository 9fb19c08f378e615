package dev.tenantfleet.service.dashboard;

import dev.tenantfleet.service.security.DashboardSession;
import dev.tenantfleet.service.security.SystemTokenFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The dashboard's login: a form asking for the system token (the same one the API takes as a bearer token), which
 * answers with the session cookie and sends the browser to the dashboard. Logging out clears the cookie.
 */
@Path("/dashboard")
@Produces(MediaType.TEXT_HTML)
public class DashboardLoginResource {
    private static final String DASHBOARD = "/dashboard/";

    private final DashboardSession session;

    DashboardLoginResource(DashboardSession session) {
        this.session = session;
    }

    @GET
    @Path("login")
    @Operation(summary = "The dashboard login form (public)")
    public String form() {
        return LoginPage.render(null);
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Log in to the dashboard with the system token; sets the session cookie")
    public Response login(String form, @HeaderParam("X-Forwarded-Proto") String forwardedProto) {
        if (!session.isSystemToken(tokenOf(form))) {
            return Response.status(Response.Status.UNAUTHORIZED)
                    .entity(LoginPage.render("That is not the system token."))
                    .type(MediaType.TEXT_HTML)
                    .build();
        }
        return seeOther(DASHBOARD)
                .cookie(cookie(session.value(), (int) DashboardSession.LIFETIME.toSeconds(), forwardedProto))
                .build();
    }

    /**
     * The {@code token} field of an url-encoded form; null when absent or malformed. Read here rather than with
     * {@code @FormParam}: the framework's form parser answers a malformed encoding ({@code %%%}) with a 500.
     */
    static String tokenOf(String form) {
        if (form == null) {
            return null;
        }
        for (String field : form.split("&")) {
            if (field.startsWith("token=")) {
                try {
                    return URLDecoder.decode(field.substring("token=".length()), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    @GET
    @Path("logout")
    @Operation(summary = "Log out of the dashboard (clears the session cookie)")
    public Response logout(@HeaderParam("X-Forwarded-Proto") String forwardedProto) {
        return seeOther(SystemTokenFilter.LOGIN_PATH)
                .cookie(cookie("", 0, forwardedProto))
                .build();
    }

    /**
     * A 303 with a relative Location: {@code Response.seeOther} would make it absolute with the scheme this pod sees,
     * which behind a TLS-terminating ingress is http.
     */
    private static Response.ResponseBuilder seeOther(String path) {
        return Response.status(Response.Status.SEE_OTHER).header("Location", path);
    }

    private static NewCookie cookie(String value, int maxAge, String forwardedProto) {
        return new NewCookie.Builder(DashboardSession.COOKIE)
                .value(value)
                .path("/")
                .httpOnly(true)
                .maxAge(maxAge)
                .sameSite(NewCookie.SameSite.LAX)
                .secure("https".equalsIgnoreCase(forwardedProto))
                .build();
    }
}
