package io.minik8s.client.cache;

import java.util.List;

/**
 * Computes the values under which an object is indexed (client-go's IndexFunc), e.g. its namespace
 * or the node a Pod is bound to. Must be a pure function of the object; an empty list leaves the
 * object out of the index.
 */
@FunctionalInterface
public interface IndexFunc<T> {

  List<String> index(T obj);
}
