package io.minik8s.client.record;

/** The two event types upstream defines (core/v1 EventTypeNormal and EventTypeWarning). */
public enum EventType {
  NORMAL("Normal"),
  WARNING("Warning");

  private final String value;

  EventType(String value) {
    this.value = value;
  }

  /** The value on the wire: "Normal" or "Warning". */
  public String value() {
    return value;
  }
}
