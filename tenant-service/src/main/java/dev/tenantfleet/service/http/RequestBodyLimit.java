package dev.tenantfleet.service.http;

import dev.tenantfleet.model.error.TenantErrorCode;
import dev.tenantfleet.model.error.TenantFleetException;
import dev.tenantfleet.service.config.TenantFleetConfig;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Holds request bodies to {@code tenantfleet.http.max-json-body-size} except on {@link LargeBody} endpoints: no request
 * of a single tenant, server or release needs more, and whatever is accepted may be stored (a refused release keeps its
 * spec). A declared length is checked at once; a chunked body is cut off as it is read. Both answer 413.
 */
@Provider
public class RequestBodyLimit implements ContainerRequestFilter {
    @Context
    ResourceInfo resource;

    // Providers are created while the application starts, before its configuration mapping can be read: look it up
    // later.
    private final Instance<TenantFleetConfig> config;

    RequestBodyLimit(Instance<TenantFleetConfig> config) {
        this.config = config;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        long limit = config.get().http().maxJsonBodySize().asLongValue();
        if (resource.getResourceMethod() == null || resource.getResourceMethod().isAnnotationPresent(LargeBody.class)) {
            return;
        }
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && parse(declared) > limit) {
            throw tooLarge(limit);
        }
        if (declared == null && request.hasEntity()) {
            request.setEntityStream(new Bounded(request.getEntityStream(), limit));
        }
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static TenantFleetException tooLarge(long limit) {
        return new TenantFleetException(
                TenantErrorCode.BODY_TOO_LARGE,
                "the request body is larger than the " + limit + " bytes this endpoint accepts");
    }

    /** A body that fails once more than {@code limit} bytes have been read from it. */
    private static final class Bounded extends FilterInputStream {
        private final long limit;
        private long read;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw tooLarge(limit);
            }
        }
    }
}
