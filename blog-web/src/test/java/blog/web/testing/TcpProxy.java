package blog.web.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP relay in front of a database server, so a test can cut the network between the
 * blog and its database ({@link #cut()}) and restore it ({@link #restore()}) on the same port,
 * while the database itself keeps running with its data, or hold its traffic ({@link #pause()}) to
 * keep a request in flight.
 */
public final class TcpProxy implements AutoCloseable {
  private final int targetPort;
  private final int port;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private volatile ServerSocket listener;
  private volatile CountDownLatch gate = new CountDownLatch(0);
  private final AtomicInteger held = new AtomicInteger();

  public TcpProxy(int targetPort) {
    this.targetPort = targetPort;
    this.listener = listen(0);
    this.port = listener.getLocalPort();
    acceptLoop(listener);
  }

  public int port() {
    return port;
  }

  /** Stops accepting and drops every open connection, like a pulled cable. */
  public void cut() {
    closeQuietly(listener);
    sockets.forEach(TcpProxy::closeQuietly);
    sockets.clear();
  }

  /** Holds back all traffic (connections stay open) until {@link #resume()}: a hung database. */
  public void pause() {
    held.set(0);
    gate = new CountDownLatch(1);
  }

  public void resume() {
    gate.countDown();
  }

  /** How many chunks of traffic are waiting since {@link #pause()}. */
  public int heldChunks() {
    return held.get();
  }

  /** Accepts connections again on the same port. */
  public void restore() {
    listener = listen(port);
    acceptLoop(listener);
  }

  @Override
  public void close() {
    cut();
  }

  private ServerSocket listen(int onPort) {
    try {
      ServerSocket socket = new ServerSocket();
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort));
      return socket;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void acceptLoop(ServerSocket server) {
    daemon(
        "tcp-proxy-accept",
        () -> {
          while (!server.isClosed()) {
            try {
              Socket client = server.accept();
              Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
              sockets.add(client);
              sockets.add(upstream);
              if (server.isClosed()) {
                // Accepted just as cut() ran: cut() closes the listener before it closes the
                // sockets it knows, so a connection it missed is closed here, never left open.
                closeQuietly(client);
                closeQuietly(upstream);
                return;
              }
              pipe(client, upstream);
              pipe(upstream, client);
            } catch (IOException e) {
              // Closed by cut(): the loop ends.
            }
          }
        });
  }

  private void pipe(Socket from, Socket to) {
    daemon(
        "tcp-proxy-pipe",
        () -> {
          try (InputStream in = from.getInputStream();
              OutputStream out = to.getOutputStream()) {
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
              CountDownLatch current = gate;
              if (current.getCount() > 0) {
                held.incrementAndGet();
                current.await();
              }
              out.write(buffer, 0, n);
              out.flush();
            }
          } catch (IOException e) {
            // Either side went away.
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } finally {
            closeQuietly(from);
            closeQuietly(to);
          }
        });
  }

  private static void daemon(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      if (closeable != null) {
        closeable.close();
      }
    } catch (Exception e) {
      // Nothing to do: it is going away either way.
    }
  }
}
