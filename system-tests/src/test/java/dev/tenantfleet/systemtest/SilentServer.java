package dev.tenantfleet.systemtest;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local port that accepts connections and never answers, like a hung database server: whatever connects to it
 * (a provisioning step, say) stands still until it is killed. Closing it closes every connection.
 */
final class SilentServer implements AutoCloseable {
    private final ServerSocket socket;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    SilentServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "silent-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** How many connections it took so far. */
    int connections() {
        return accepted.size();
    }

    private void accept() {
        try {
            while (true) {
                accepted.add(socket.accept());
            }
        } catch (IOException closed) {
            // closed: the test is over
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket connection : accepted) {
            connection.close();
        }
    }
}
