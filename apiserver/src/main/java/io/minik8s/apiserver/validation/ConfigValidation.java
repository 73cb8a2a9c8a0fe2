package io.minik8s.apiserver.validation;

import static io.minik8s.apiserver.validation.FieldChecks.key;
import static io.minik8s.apiserver.validation.FieldChecks.map;
import static io.minik8s.apiserver.validation.FieldChecks.str;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Upstream's rules for ConfigMaps, Secrets and ServiceAccounts. */
public final class ConfigValidation {
  /** Upstream's MaxSecretSize, which also bounds ConfigMaps: 1 MiB of data. */
  public static final int MAX_SIZE = 1024 * 1024;

  static final String IMMUTABLE_WHEN_SET = "field is immutable when `immutable` is set";

  private ConfigValidation() {}

  /** A ConfigMap: keys valid config keys, not repeated across data and binaryData, 1 MiB total. */
  public static List<FieldError> validateConfigMap(ConfigMap cm, boolean namespaced) {
    List<FieldError> errs = meta(cm.getMetadata(), namespaced);
    long total = 0;
    Map<String, String> binary = map(cm.getBinaryData());
    for (Map.Entry<String, String> e : map(cm.getData()).entrySet()) {
      String path = key("data", e.getKey());
      errs.addAll(FieldChecks.each(path, e.getKey(), NameValidation::isConfigMapKey));
      if (binary.containsKey(e.getKey())) {
        errs.add(FieldError.invalid(path, e.getKey(), "duplicate of key present in binaryData"));
      }
      total += str(e.getValue()).getBytes(StandardCharsets.UTF_8).length;
    }
    for (Map.Entry<String, String> e : binary.entrySet()) {
      String path = key("binaryData", e.getKey());
      errs.addAll(FieldChecks.each(path, e.getKey(), NameValidation::isConfigMapKey));
      total += base64Length(e.getValue());
    }
    if (total > MAX_SIZE) {
      // upstream names no field: the error is about the whole object
      errs.add(FieldError.tooLong("", null, MAX_SIZE));
    }
    return errs;
  }

  public static List<FieldError> validateConfigMapUpdate(
      ConfigMap cm, ConfigMap old, boolean namespaced) {
    List<FieldError> errs = metaUpdate(cm.getMetadata(), old.getMetadata());
    if (Boolean.TRUE.equals(old.getImmutable())) {
      if (!Boolean.TRUE.equals(cm.getImmutable())) {
        errs.add(FieldError.forbidden("immutable", IMMUTABLE_WHEN_SET));
      }
      if (!Objects.equals(map(cm.getData()), map(old.getData()))) {
        errs.add(FieldError.forbidden("data", IMMUTABLE_WHEN_SET));
      }
      if (!Objects.equals(map(cm.getBinaryData()), map(old.getBinaryData()))) {
        errs.add(FieldError.forbidden("binaryData", IMMUTABLE_WHEN_SET));
      }
    }
    errs.addAll(validateConfigMap(cm, namespaced));
    return errs;
  }

  /**
   * A Secret: keys valid config keys, 1 MiB of (decoded) data, and the keys its type requires.
   * stringData keys count as data keys, as upstream merges them before validating.
   */
  public static List<FieldError> validateSecret(Secret secret, boolean namespaced) {
    List<FieldError> errs = meta(secret.getMetadata(), namespaced);
    long total = 0;
    for (Map.Entry<String, String> e : map(secret.getData()).entrySet()) {
      errs.addAll(
          FieldChecks.each(key("data", e.getKey()), e.getKey(), NameValidation::isConfigMapKey));
      total += base64Length(e.getValue());
    }
    for (Map.Entry<String, String> e : map(secret.getStringData()).entrySet()) {
      if (!map(secret.getData()).containsKey(e.getKey())) {
        errs.addAll(
            FieldChecks.each(key("data", e.getKey()), e.getKey(), NameValidation::isConfigMapKey));
        total += str(e.getValue()).getBytes(StandardCharsets.UTF_8).length;
      }
    }
    if (total > MAX_SIZE) {
      errs.add(FieldError.tooLong("data", null, MAX_SIZE));
    }
    errs.addAll(requiredKeys(secret));
    return errs;
  }

  /** A Secret update: its type never changes; an immutable secret's data neither. */
  public static List<FieldError> validateSecretUpdate(
      Secret secret, Secret old, boolean namespaced) {
    List<FieldError> errs = metaUpdate(secret.getMetadata(), old.getMetadata());
    errs.addAll(FieldChecks.immutable(type(secret), type(old), "type"));
    if (Boolean.TRUE.equals(old.getImmutable())) {
      if (!Boolean.TRUE.equals(secret.getImmutable())) {
        errs.add(FieldError.forbidden("immutable", IMMUTABLE_WHEN_SET));
      }
      if (!Objects.equals(map(secret.getData()), map(old.getData()))) {
        errs.add(FieldError.forbidden("data", IMMUTABLE_WHEN_SET));
      }
    }
    errs.addAll(validateSecret(secret, namespaced));
    return errs;
  }

  public static List<FieldError> validateServiceAccount(ServiceAccount sa, boolean namespaced) {
    return meta(sa.getMetadata(), namespaced);
  }

  public static List<FieldError> validateServiceAccountUpdate(
      ServiceAccount sa, ServiceAccount old, boolean namespaced) {
    List<FieldError> errs = metaUpdate(sa.getMetadata(), old.getMetadata());
    errs.addAll(validateServiceAccount(sa, namespaced));
    return errs;
  }

  private static List<FieldError> requiredKeys(Secret secret) {
    List<FieldError> errs = new ArrayList<>();
    Map<String, String> data = new HashMap<>(map(secret.getStringData()));
    data.putAll(map(secret.getData()));
    switch (type(secret)) {
      case "kubernetes.io/service-account-token" -> {
        String account =
            secret.getMetadata() == null
                ? null
                : map(secret.getMetadata().getAnnotations())
                    .get("kubernetes.io/service-account.name");
        if (FieldChecks.isEmpty(account)) {
          errs.add(
              FieldError.required(
                  key("metadata.annotations", "kubernetes.io/service-account.name"), ""));
        }
      }
      case "kubernetes.io/dockercfg" -> requireKeys(data, errs, ".dockercfg");
      case "kubernetes.io/dockerconfigjson" -> requireKeys(data, errs, ".dockerconfigjson");
      case "kubernetes.io/basic-auth" -> {
        if (!data.containsKey("username") && !data.containsKey("password")) {
          requireKeys(data, errs, "username", "password");
        }
      }
      case "kubernetes.io/ssh-auth" -> {
        if (FieldChecks.isEmpty(data.get("ssh-privatekey"))) {
          errs.add(FieldError.required(key("data", "ssh-privatekey"), ""));
        }
      }
      case "kubernetes.io/tls" -> requireKeys(data, errs, "tls.crt", "tls.key");
      default -> {}
    }
    return errs;
  }

  private static void requireKeys(Map<String, String> data, List<FieldError> errs, String... keys) {
    for (String k : keys) {
      if (!data.containsKey(k)) {
        errs.add(FieldError.required(key("data", k), ""));
      }
    }
  }

  private static String type(Secret secret) {
    return FieldChecks.isEmpty(secret.getType()) ? "Opaque" : secret.getType();
  }

  /** The decoded length of base64 text, as upstream counts the bytes of binary values. */
  static long base64Length(String encoded) {
    String s = str(encoded).strip();
    int padding = s.endsWith("==") ? 2 : s.endsWith("=") ? 1 : 0;
    return Math.max(0, (long) s.length() * 3 / 4 - padding);
  }

  private static List<FieldError> meta(ObjectMeta meta, boolean namespaced) {
    return new ArrayList<>(
        ObjectMetaValidation.validate(
            meta, namespaced, ObjectMetaValidation.SUBDOMAIN_NAME, "metadata"));
  }

  private static List<FieldError> metaUpdate(ObjectMeta meta, ObjectMeta old) {
    return new ArrayList<>(ObjectMetaValidation.validateUpdate(meta, old, "metadata"));
  }
}
