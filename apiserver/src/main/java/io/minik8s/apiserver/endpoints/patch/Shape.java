package io.minik8s.apiserver.endpoints.patch;

import java.util.Map;

/**
 * What a position in a JSON document may hold, as the decoder of its type sees it: which members
 * an object there may have (the fields of a struct; anything for a map) and what its array
 * elements are. Strict decoding walks a document and its shape together.
 */
public interface Shape {
  /** Anything goes: maps of anything, scalars, opaque values. */
  Shape ANY = new Shape() {
    @Override
    public Shape member(String name) {
      return this;
    }

    @Override
    public Shape element() {
      return this;
    }
  };

  /** The shape of a member of an object at this position; null for a member the type lacks. */
  Shape member(String name);

  /** The shape of the elements of an array at this position. */
  Shape element();

  /** An object with exactly these members. */
  static Shape object(Map<String, Shape> members) {
    Map<String, Shape> copy = Map.copyOf(members);
    return new Shape() {
      @Override
      public Shape member(String name) {
        return copy.get(name);
      }

      @Override
      public Shape element() {
        return ANY;
      }
    };
  }

  /** An array of elements of the given shape. */
  static Shape listOf(Shape element) {
    return new Shape() {
      @Override
      public Shape member(String name) {
        return ANY;
      }

      @Override
      public Shape element() {
        return element;
      }
    };
  }
}
