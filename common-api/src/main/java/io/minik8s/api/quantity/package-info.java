/**
 * Resource quantities ("500m", "1Gi", "1e3") parsed, compared, added and printed exactly as
 * upstream's k8s.io/apimachinery/pkg/api/resource does, including its canonical string form.
 */
package io.minik8s.api.quantity;
