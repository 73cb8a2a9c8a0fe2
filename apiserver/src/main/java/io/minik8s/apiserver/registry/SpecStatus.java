package io.minik8s.apiserver.registry;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.minik8s.api.Serialization;
import java.lang.reflect.Method;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Generic access to the spec and status of fabric8 model objects, which share no interface for
 * them; accessors are looked up once per class.
 */
public final class SpecStatus {
  private record Accessors(Method getSpec, Method getStatus, Method setStatus) {}

  private static final ConcurrentHashMap<Class<?>, Accessors> ACCESSORS = new ConcurrentHashMap<>();

  private SpecStatus() {}

  private static Accessors accessors(Class<?> type) {
    return ACCESSORS.computeIfAbsent(
        type,
        t -> {
          Method getSpec = find(t, "getSpec").orElse(null);
          Method getStatus = find(t, "getStatus").orElse(null);
          Method setStatus =
              getStatus == null ? null : find(t, "setStatus", getStatus.getReturnType()).orElse(null);
          return new Accessors(getSpec, getStatus, setStatus);
        });
  }

  private static Optional<Method> find(Class<?> type, String name, Class<?>... params) {
    try {
      return Optional.of(type.getMethod(name, params));
    } catch (NoSuchMethodException e) {
      return Optional.empty();
    }
  }

  public static Object spec(HasMetadata object) {
    return invoke(accessors(object.getClass()).getSpec(), object);
  }

  public static Object status(HasMetadata object) {
    return invoke(accessors(object.getClass()).getStatus(), object);
  }

  public static boolean hasStatus(HasMetadata object) {
    return accessors(object.getClass()).setStatus() != null;
  }

  /** Sets the status of {@code to} to (a deep copy of) the status of {@code from}. */
  public static void copyStatus(HasMetadata from, HasMetadata to) {
    Accessors a = accessors(to.getClass());
    if (a.setStatus() == null) {
      return;
    }
    Object status = status(from);
    setStatus(to, status == null ? null : deepCopy(status));
  }

  public static void clearStatus(HasMetadata object) {
    setStatus(object, null);
  }

  public static void setStatus(HasMetadata object, Object status) {
    Method set = accessors(object.getClass()).setStatus();
    if (set != null) {
      try {
        set.invoke(object, status);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  public static boolean specChanged(HasMetadata a, HasMetadata b) {
    return !Objects.equals(spec(a), spec(b));
  }

  /** A deep copy of any model object (objects from storage are shared and must not change). */
  @SuppressWarnings("unchecked")
  public static <T> T deepCopy(T object) {
    return (T) Serialization.json().convertValue(object, object.getClass());
  }

  public static HasMetadata copy(HasMetadata object) {
    return deepCopy(object);
  }

  private static Object invoke(Method m, Object target) {
    if (m == null) {
      return null;
    }
    try {
      return m.invoke(target);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
