/**
 * What the object model needs beyond the upstream types: the resource registry, Quantity, label and
 * field selectors, defaulting and the JSON/YAML codec. Pure functions and records; never depends on
 * the client.
 */
package io.minik8s.api;
