import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.logging.LogManager;
import org.rapaio.jupyter.kernel.MainApp;
import org.rapaio.jupyter.kernel.channels.Channels;
import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.core.Transform;

/**
 * Starts rapaio-jupyter-kernel 3.0.1 as its own {@code MainApp} does, without its start-up race.
 *
 * <p>The kernel binds its sockets before it creates its table of message handlers. Jupyter sends
 * {@code kernel_info_request} as soon as the process starts, so on a busy machine the first request
 * can reach the shell loop while that table is still {@code null}; the loop thread then dies and the
 * client gives up after a minute ("Kernel didn't respond"). Installing an empty table before the
 * sockets are bound turns such an early request into an ignored one; Jupyter repeats the request
 * until it is answered. Compiled by launch.sh into notebooks/target/kernel/classes and run as
 * {@code java -cp rapaio-jupyter-kernel-3.0.1.jar:classes StartKernel CONNECTION_FILE}.
 */
public final class StartKernel {
  private StartKernel() {
  }

  /** Reads the connection file named by {@code args[0]} and serves the kernel until shutdown. */
  public static void main(String[] args) throws IOException, ReflectiveOperationException,
      GeneralSecurityException {
    if (args.length != 1) {
      throw new IllegalArgumentException("expected one argument, the connection file; got " + args.length);
    }
    try (InputStream log = MainApp.class.getClassLoader().getResourceAsStream("logging.properties")) {
      if (log != null) {
        LogManager.getLogManager().readConfiguration(log);
      }
    }
    Path file = Path.of(args[0]);
    if (!Files.isRegularFile(file)) {
      throw new IOException("connection file " + file + " does not exist");
    }
    ConnectionProperties props = Transform.fromJson(Files.readString(file), ConnectionProperties.class);
    Channels channels = new Channels(props);
    Field handlers = Channels.class.getDeclaredField("handlers");
    handlers.setAccessible(true);
    handlers.set(channels, new HashMap<>());
    channels.connect(MainApp.kernel);
    channels.joinUntilClose();
  }
}
