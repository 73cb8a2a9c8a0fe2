package io.minik8s.client.component;

import io.minik8s.api.GoDuration;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;

/** Picocli's converter for upstream's duration flags ("10s", "5m0s", "1h30m"). */
public final class DurationConverter implements ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    return GoDuration.parse(value);
  }
}
