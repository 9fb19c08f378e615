package dev.tenantfleet.systemtest;

import java.io.IOException;
import java.net.ServerSocket;

/** Free local ports for the services a test starts. */
final class FreePorts {
    private FreePorts() {}

    /** One free port (for one more service; take several at once with {@link #two}). */
    static int one() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Two distinct free ports. Both sockets stay open until both ports are chosen: asked one after the other, the
     * kernel may hand out the port it just took back (it did, and two services then raced for one port).
     */
    static int[] two() throws IOException {
        try (ServerSocket first = new ServerSocket(0);
                ServerSocket second = new ServerSocket(0)) {
            return new int[] {first.getLocalPort(), second.getLocalPort()};
        }
    }
}
