package dev.tenantfleet.service.error;

import dev.tenantfleet.model.error.ErrorCode;
import dev.tenantfleet.model.error.ReleaseErrorCode;
import dev.tenantfleet.model.error.TenantErrorCode;
import jakarta.ws.rs.core.Response.Status;

/** The HTTP status each error code is answered with. */
final class HttpStatusOfCode {
    private HttpStatusOfCode() {}

    static int of(ErrorCode code) {
        if (code instanceof ReleaseErrorCode releaseCode) {
            return switch (releaseCode) {
                case RELEASE_REFUSED -> 422;
                case RELEASE_NOT_FOUND -> 404;
                case RELEASE_NOT_RESUMABLE, RELEASE_IN_PROGRESS -> 409;
            };
        }
        if (!(code instanceof TenantErrorCode tenantCode)) {
            return Status.INTERNAL_SERVER_ERROR.getStatusCode();
        }
        if (tenantCode == TenantErrorCode.ADOPTION_REJECTED) {
            return 422; // a database that cannot be adopted as it is; JAX-RS has no constant for 422
        }
        if (tenantCode == TenantErrorCode.URI_TOO_LONG) {
            return 414; // no JAX-RS constant either
        }
        if (tenantCode == TenantErrorCode.HEADERS_TOO_LARGE) {
            return 431; // nor for this one
        }
        return (switch (tenantCode) {
                    case INVALID_SLUG, INVALID_REQUEST, INVALID_PARAMETER -> Status.BAD_REQUEST;
                    case UNAUTHENTICATED -> Status.UNAUTHORIZED;
                    case TENANT_NOT_FOUND, SERVER_NOT_FOUND -> Status.NOT_FOUND;
                    case DUPLICATE_SLUG,
                            DUPLICATE_SERVER,
                            DUPLICATE_DATABASE,
                            ILLEGAL_TRANSITION,
                            NOT_PROVISIONABLE,
                            CONCURRENT_MODIFICATION -> Status.CONFLICT;
                    case BODY_TOO_LARGE -> Status.REQUEST_ENTITY_TOO_LARGE;
                    case NO_SUCH_ROUTE -> Status.NOT_FOUND;
                    case UNSUPPORTED_MEDIA_TYPE -> Status.UNSUPPORTED_MEDIA_TYPE;
                    case DATABASE_SERVER_UNREACHABLE, DATABASE_SERVER_CREDENTIALS -> Status.SERVICE_UNAVAILABLE;
                    default -> Status.INTERNAL_SERVER_ERROR;
                })
                .getStatusCode();
    }
}
