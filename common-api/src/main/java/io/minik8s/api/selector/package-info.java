/**
 * Label and field selectors with upstream's string syntax, canonical form and matching rules
 * (k8s.io/apimachinery/pkg/labels and pkg/fields), plus the conversion of an API object's
 * metav1.LabelSelector.
 */
package io.minik8s.api.selector;
