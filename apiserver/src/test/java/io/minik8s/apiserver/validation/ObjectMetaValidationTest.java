package io.minik8s.apiserver.validation;

import static io.minik8s.apiserver.validation.Fixtures.messages;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ObjectMetaValidationTest {

  static Stream<Arguments> invalidMetadata() {
    return Stream.of(
        Arguments.of(
            "neither name nor generateName",
            change(m -> m.withName(null)),
            List.of("metadata.name: Required value: name or generateName is required")),
        Arguments.of(
            "an upper-case name",
            change(m -> m.withName("Web")),
            List.of(
                "metadata.name: Invalid value: \"Web\": " + NameValidationTest.SUBDOMAIN_REGEX)),
        Arguments.of(
            "no namespace for a namespaced kind",
            change(m -> m.withNamespace(null)),
            List.of("metadata.namespace: Required value")),
        Arguments.of(
            "a label key with two slashes and a bad label value",
            change(m -> m.withLabels(Map.of("a/b/c", "ok", "tier", "-front"))),
            List.of(
                "metadata.labels: Invalid value: \"a/b/c\": a qualified name must consist of"
                    + " alphanumeric characters, '-', '_' or '.', and must start and end with an"
                    + " alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc',"
                    + " regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
                    + " with an optional DNS subdomain prefix and '/' (e.g."
                    + " 'example.com/MyName')",
                "metadata.labels: Invalid value: \"-front\": "
                    + NameValidationTest.LABEL_VALUE_REGEX)),
        Arguments.of(
            "annotations over 256 KiB",
            change(m -> m.withAnnotations(Map.of("big", "x".repeat(256 * 1024)))),
            List.of("metadata.annotations: Too long: must have at most 262144 bytes")),
        Arguments.of(
            "an owner reference without uid and kind",
            change(
                m ->
                    m.withOwnerReferences(
                        new OwnerReferenceBuilder()
                            .withApiVersion("apps/v1")
                            .withKind("")
                            .withName("rs")
                            .build())),
            List.of(
                "metadata.ownerReferences.kind: Invalid value: \"\": must not be empty",
                "metadata.ownerReferences.uid: Invalid value: \"\": must not be empty")),
        Arguments.of(
            "two controller owner references",
            change(
                m ->
                    m.withOwnerReferences(
                        owner("ReplicaSet", "a", true), owner("ReplicaSet", "b", true))),
            List.of(
                "metadata.ownerReferences: Invalid value:"
                    + " [{\"apiVersion\":\"apps/v1\",\"kind\":\"ReplicaSet\",\"controller\":true,"
                    + "\"name\":\"a\",\"uid\":\"u-a\"},{\"apiVersion\":\"apps/v1\","
                    + "\"kind\":\"ReplicaSet\",\"controller\":true,\"name\":\"b\","
                    + "\"uid\":\"u-b\"}]:"
                    + " Only one reference can have Controller set to true. Found \"true\" in"
                    + " references for ReplicaSet/a and ReplicaSet/b")),
        Arguments.of(
            "an unprefixed non-standard finalizer",
            change(m -> m.withFinalizers("cleanup")),
            List.of(
                "metadata.finalizers[0]: Invalid value: \"cleanup\": name is neither a standard"
                    + " finalizer name nor is it fully qualified")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidMetadata")
  void reportsUpstreamsErrorsForMetadataOnCreate(
      String description, UnaryOperator<ObjectMetaBuilder> change, List<String> expected) {
    ObjectMeta meta = change.apply(valid()).build();

    List<FieldError> errors =
        ObjectMetaValidation.validate(meta, true, ObjectMetaValidation.SUBDOMAIN_NAME, "metadata");

    assertThat(messages(errors)).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void forbidsANamespaceOnClusterScopedKinds() {
    List<FieldError> errors =
        ObjectMetaValidation.validate(
            valid().build(), false, ObjectMetaValidation.SUBDOMAIN_NAME, "metadata");

    assertThat(messages(errors))
        .containsExactly("metadata.namespace: Forbidden: not allowed on this type");
  }

  @Test
  void validatesGenerateNameAsAPrefixWithItsTrailingDashAllowed() {
    ObjectMeta ok = valid().withGenerateName("web-").build();
    ObjectMeta bad = valid().withGenerateName("Web-").build();

    assertThat(ObjectMetaValidation.validate(ok, true, ObjectMetaValidation.LABEL_NAME, "metadata"))
        .isEmpty();
    assertThat(
            messages(
                ObjectMetaValidation.validate(
                    bad, true, ObjectMetaValidation.LABEL_NAME, "metadata")))
        .containsExactly(
            "metadata.generateName: Invalid value: \"Web-\": " + NameValidationTest.LABEL_REGEX);
  }

  @Test
  void keepsIdentityAndCreationTimeImmutableOnUpdate() {
    ObjectMeta old = Fixtures.stored("web", "default");
    ObjectMeta updated =
        new ObjectMetaBuilder(old)
            .withNamespace("other")
            .withCreationTimestamp("2025-01-01T00:00:00Z")
            .build();

    assertThat(messages(ObjectMetaValidation.validateUpdate(updated, old, "metadata")))
        .containsExactly(
            "metadata.namespace: Invalid value: \"other\": field is immutable",
            "metadata.creationTimestamp: Invalid value: \"2025-01-01T00:00:00Z\": field is"
                + " immutable");
  }

  @Test
  void ignoresGenerateNameChangesOnUpdate() {
    ObjectMeta old = Fixtures.stored("web", "default");
    ObjectMeta updated = new ObjectMetaBuilder(old).withGenerateName("other-").build();

    assertThat(ObjectMetaValidation.validateUpdate(updated, old, "metadata")).isEmpty();
  }

  @Test
  void forbidsNewFinalizersOnceDeletionStarted() {
    ObjectMeta old =
        new ObjectMetaBuilder(Fixtures.stored("web", "default"))
            .withDeletionTimestamp("2024-02-01T00:00:00Z")
            .build();
    ObjectMeta updated = new ObjectMetaBuilder(old).withFinalizers("example.com/hold").build();

    assertThat(messages(ObjectMetaValidation.validateUpdate(updated, old, "metadata")))
        .containsExactly(
            "metadata.finalizers: Forbidden: no new finalizers can be added if the object is being"
                + " deleted, found new finalizers []string{\"example.com/hold\"}");
  }

  private static ObjectMetaBuilder valid() {
    return new ObjectMetaBuilder().withName("web").withNamespace("default");
  }

  private static io.fabric8.kubernetes.api.model.OwnerReference owner(
      String kind, String name, boolean controller) {
    return new OwnerReferenceBuilder()
        .withApiVersion("apps/v1")
        .withKind(kind)
        .withName(name)
        .withUid("u-" + name)
        .withController(controller)
        .build();
  }

  private static UnaryOperator<ObjectMetaBuilder> change(UnaryOperator<ObjectMetaBuilder> c) {
    return c;
  }
}
