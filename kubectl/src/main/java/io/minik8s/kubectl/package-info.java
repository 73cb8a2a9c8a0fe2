/** minik8s kubectl: filled by its own issue; the module exists so the build layout is complete. */
package io.minik8s.kubectl;
