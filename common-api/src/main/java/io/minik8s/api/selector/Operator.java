package io.minik8s.api.selector;

/** A selector requirement's operator, with upstream's spelling (k8s.io/apimachinery selection). */
public enum Operator {
  DOES_NOT_EXIST("!"),
  EQUALS("="),
  DOUBLE_EQUALS("=="),
  IN("in"),
  NOT_EQUALS("!="),
  NOT_IN("notin"),
  EXISTS("exists"),
  GREATER_THAN("gt"),
  LESS_THAN("lt");

  private final String upstreamName;

  Operator(String upstreamName) {
    this.upstreamName = upstreamName;
  }

  /** The operator as upstream's selection.Operator string, e.g. "notin" or "!=". */
  public String upstreamName() {
    return upstreamName;
  }
}
