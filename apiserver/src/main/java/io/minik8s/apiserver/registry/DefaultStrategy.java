package io.minik8s.apiserver.registry;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.minik8s.api.ResourceType;

/**
 * The strategy of kinds with no special rules: status cleared on create and kept on update,
 * generation tracked where upstream tracks it, optional create-on-update and TTL.
 */
public class DefaultStrategy implements ResourceStrategy {
  private final ResourceType type;
  private final boolean tracksGeneration;
  private final boolean allowCreateOnUpdate;
  private final boolean keepStatusOnCreate;
  private final long ttlSeconds;

  public DefaultStrategy(
      ResourceType type,
      boolean tracksGeneration,
      boolean allowCreateOnUpdate,
      boolean keepStatusOnCreate,
      long ttlSeconds) {
    this.type = type;
    this.tracksGeneration = tracksGeneration;
    this.allowCreateOnUpdate = allowCreateOnUpdate;
    this.keepStatusOnCreate = keepStatusOnCreate;
    this.ttlSeconds = ttlSeconds;
  }

  /** A strategy with no special rules at all. */
  public static DefaultStrategy plain(ResourceType type) {
    return new DefaultStrategy(type, false, false, false, 0);
  }

  @Override
  public ResourceType type() {
    return type;
  }

  @Override
  public void prepareForCreate(HasMetadata object) {
    if (!keepStatusOnCreate) {
      SpecStatus.clearStatus(object);
    }
  }

  @Override
  public boolean tracksGeneration() {
    return tracksGeneration;
  }

  @Override
  public boolean allowCreateOnUpdate() {
    return allowCreateOnUpdate;
  }

  @Override
  public long ttlSeconds(HasMetadata object) {
    return ttlSeconds;
  }
}
