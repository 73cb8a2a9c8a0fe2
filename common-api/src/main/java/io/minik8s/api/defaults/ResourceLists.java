package io.minik8s.api.defaults;

import io.fabric8.kubernetes.api.model.Quantity;
import io.minik8s.api.quantity.ResourceQuantity;
import java.util.Map;

/**
 * Upstream's SetDefaults_ResourceList: every quantity rounded up to a multiple of 1m, and written
 * the way upstream writes it back ("0.5" becomes "500m", "1.5Gi" becomes "1536Mi").
 */
final class ResourceLists {
  private static final int MILLI = -3;

  private ResourceLists() {}

  /**
   * Rewrites the map's quantities in place; values that are not quantities are left to validation.
   */
  static void roundUpToMilli(Map<String, Quantity> resources) {
    if (resources == null) {
      return;
    }
    resources.replaceAll((name, quantity) -> rounded(quantity));
  }

  private static Quantity rounded(Quantity quantity) {
    if (quantity == null) {
      return null;
    }
    String input = quantity.toString();
    String output;
    try {
      ResourceQuantity parsed = ResourceQuantity.parse(input.strip());
      // an amount already whole in millis keeps the string upstream keeps when it parses one;
      // an amount that had to be rounded is printed afresh
      boolean wholeMillis = parsed.amount().scale() <= -MILLI;
      output =
          wholeMillis ? ResourceQuantity.serializedForm(input) : parsed.roundUp(MILLI).toString();
    } catch (IllegalArgumentException invalid) {
      return quantity;
    }
    return output.equals(input) ? quantity : ResourceQuantity.parse(output).toFabric8();
  }
}
