package blog.web.federation;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Fedify server of {@code src/test/fedify-peer} as a process on 127.0.0.1: installed with
 * {@code npm ci} when its {@code node_modules} is missing, started, and driven through its {@code
 * /control/} addresses. Without Node the tests that need it are skipped, except under CI=true,
 * where a missing Node or a failed install fails them.
 */
final class FedifyPeer implements AutoCloseable {
  static final Path DIR = Path.of("src", "test", "fedify-peer");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Process process;
  private final String url;
  private final HttpClient http = HttpClient.newHttpClient();

  private FedifyPeer(Process process, String url) {
    this.process = process;
    this.url = url;
  }

  static FedifyPeer start() throws IOException, InterruptedException {
    boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
    if (!works("node", "--version")) {
      if (ci) {
        throw new IllegalStateException("node is required for the Fedify peer under CI=true");
      }
      assumeTrue(false, "node is not installed: the Fedify peer tests are skipped");
    }
    if (!Files.isDirectory(DIR.resolve("node_modules").resolve("@fedify"))) {
      boolean installed = works("npm", "ci", "--no-audit", "--no-fund");
      if (!installed) {
        if (ci) {
          throw new IllegalStateException("npm ci in " + DIR + " failed");
        }
        assumeTrue(
            false, "npm ci in " + DIR + " failed (offline?): the Fedify peer tests are skipped");
      }
    }
    // Fedify 1.9 needs Node 22: the peer's own node package brings it, whatever Node ran npm.
    Path localNode = DIR.resolve("node_modules").resolve(".bin").resolve("node");
    String node = Files.isExecutable(localNode) ? localNode.toAbsolutePath().toString() : "node";
    Process process =
        new ProcessBuilder(node, "peer.mjs")
            .directory(DIR.toFile())
            .redirectErrorStream(true)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<String> first =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                String line;
                while ((line = out.readLine()) != null) {
                  if (line.startsWith("PEER_URL ")) {
                    String found = line.substring("PEER_URL ".length()).strip();
                    // Keep draining, so the peer never blocks on a full pipe.
                    Thread drain =
                        new Thread(
                            () -> {
                              try {
                                String more;
                                while ((more = out.readLine()) != null) {
                                  System.out.println("[fedify-peer] " + more);
                                }
                              } catch (IOException ignored) {
                                // the peer stopped
                              }
                            });
                    drain.setDaemon(true);
                    drain.start();
                    return found;
                  }
                  System.out.println("[fedify-peer] " + line);
                }
                return null;
              } catch (IOException e) {
                return null;
              }
            });
    String url;
    try {
      url = first.get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
      throw new IllegalStateException("the Fedify peer did not start", e);
    }
    if (url == null) {
      throw new IllegalStateException("the Fedify peer stopped before it listened");
    }
    return new FedifyPeer(process, url);
  }

  private static boolean works(String... command) throws InterruptedException {
    try {
      Process p =
          new ProcessBuilder(command)
              .directory(DIR.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!p.waitFor(5, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        return false;
      }
      return p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  String url() {
    return url;
  }

  String actorId() {
    return url + "/users/alice";
  }

  /** POSTs to a control address with a JSON body and returns the peer's JSON answer. */
  JsonNode control(String path, Object body) throws IOException, InterruptedException {
    HttpResponse<String> res =
        http.send(
            HttpRequest.newBuilder(URI.create(url + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (res.statusCode() != 200) {
      throw new IllegalStateException(
          "peer " + path + " answered " + res.statusCode() + ": " + res.body());
    }
    return JSON.readTree(res.body());
  }

  /**
   * The POSTs the peer made (activities it sent): each one's address, whether it carried an RFC
   * 9421 signature ({@code Signature-Input}), and the status it was answered with.
   */
  JsonNode sent() throws IOException, InterruptedException {
    return JSON.readTree(
        http.send(
                HttpRequest.newBuilder(URI.create(url + "/control/sent")).GET().build(),
                HttpResponse.BodyHandlers.ofString())
            .body());
  }

  /** What the peer's inbox received, each verified by Fedify. */
  JsonNode received() throws IOException, InterruptedException {
    return JSON.readTree(
        http.send(
                HttpRequest.newBuilder(URI.create(url + "/control/received")).GET().build(),
                HttpResponse.BodyHandlers.ofString())
            .body());
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
