package io.minik8s.client.controller;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The named controllers of a process (kube-controller-manager's controller list): each registered
 * under its upstream name with a factory, so that only the enabled ones are built. Enabling follows
 * upstream's {@code --controllers} flag: {@code *} for every controller on by default, {@code name}
 * to enable one, {@code -name} to disable one. Registering a name twice fails at once.
 */
public final class Controllers {
  private static final Logger LOG = LoggerFactory.getLogger(Controllers.class);

  private record Entry(Supplier<Controller> factory, boolean enabledByDefault) {}

  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private final Map<String, Controller> started = new LinkedHashMap<>();

  /** Registers a controller that {@code *} enables. */
  public Controllers register(String name, Supplier<Controller> factory) {
    return register(name, true, factory);
  }

  /**
   * Registers a controller.
   *
   * @param enabledByDefault false for controllers that {@code *} leaves off (upstream's
   *     ControllersDisabledByDefault)
   * @throws IllegalArgumentException if the name is already registered
   */
  public synchronized Controllers register(
      String name, boolean enabledByDefault, Supplier<Controller> factory) {
    if (name == null || name.isEmpty() || name.startsWith("-") || name.equals("*")) {
      throw new IllegalArgumentException("invalid controller name \"" + name + "\"");
    }
    if (entries.containsKey(name)) {
      throw new IllegalArgumentException("controller \"" + name + "\" is already registered");
    }
    entries.put(name, new Entry(factory, enabledByDefault));
    return this;
  }

  /** The registered names, in registration order. */
  public synchronized List<String> names() {
    return List.copyOf(entries.keySet());
  }

  /**
   * The names the {@code --controllers} values enable, in registration order.
   *
   * @throws IllegalArgumentException for a value naming no registered controller
   */
  public synchronized List<String> enabled(List<String> controllersFlag) {
    for (String value : controllersFlag) {
      String name = value.startsWith("-") ? value.substring(1) : value;
      if (!value.equals("*") && !entries.containsKey(name)) {
        throw new IllegalArgumentException(
            "\"" + name + "\" is not in the list of known controllers");
      }
    }
    List<String> enabled = new ArrayList<>();
    entries.forEach(
        (name, entry) -> {
          if (isEnabled(name, entry.enabledByDefault(), controllersFlag)) {
            enabled.add(name);
          }
        });
    return enabled;
  }

  /**
   * Upstream's rule: an explicit {@code name} or {@code -name} wins (the first one listed), else
   * {@code *} enables the controllers that are on by default, else the controller is off.
   */
  static boolean isEnabled(String name, boolean enabledByDefault, List<String> controllersFlag) {
    boolean star = false;
    for (String value : controllersFlag) {
      if (value.equals(name)) {
        return true;
      }
      if (value.equals("-" + name)) {
        return false;
      }
      star |= value.equals("*");
    }
    return star && enabledByDefault;
  }

  /**
   * Builds and starts the enabled controllers, in registration order.
   *
   * @return the started controllers' names
   * @throws IllegalStateException if controllers were already started
   */
  public synchronized List<String> start(List<String> controllersFlag) {
    if (!started.isEmpty()) {
      throw new IllegalStateException("controllers already started: " + started.keySet());
    }
    List<String> names = enabled(controllersFlag);
    for (String name : names) {
      Controller controller = entries.get(name).factory().get();
      started.put(name, controller);
      controller.start();
      LOG.info("Started {}", name);
    }
    return names;
  }

  /** A started controller by its registered name. */
  public synchronized Optional<Controller> get(String name) {
    return Optional.ofNullable(started.get(name));
  }

  /** The started controllers' names, in start order. */
  public synchronized List<String> startedNames() {
    return List.copyOf(started.keySet());
  }

  /** Stops the started controllers, newest first. */
  public void stop() {
    List<Controller> toStop;
    synchronized (this) {
      toStop = new ArrayList<>(started.values());
      Collections.reverse(toStop);
    }
    toStop.forEach(Controller::stop);
  }
}
