package io.minik8s.apiserver.endpoints.protobuf;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MessageOptions;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.kubernetes.client.proto.Meta;
import io.kubernetes.client.proto.V1;

/**
 * The generated.proto layouts of served group versions that the official generated classes do
 * not ship (coordination.k8s.io/v1, discovery.k8s.io/v1), written out from upstream's
 * generated.proto files: field names and numbers as there.
 */
final class ExtraDescriptors {
  private static final String META = ".k8s.io.apimachinery.pkg.apis.meta.v1.";

  private ExtraDescriptors() {}

  /** k8s.io/api/coordination/v1: Lease, LeaseList, LeaseSpec. */
  static FileDescriptor coordinationV1() {
    String pkg = "k8s.io.api.coordination.v1";
    FileDescriptorProto file = file("k8s.io/api/coordination/v1/generated.proto", pkg)
        .addDependency(Meta.getDescriptor().getName())
        .addMessageType(message("Lease",
            message("metadata", 1, META + "ObjectMeta"),
            message("spec", 2, "." + pkg + ".LeaseSpec")))
        .addMessageType(message("LeaseList",
            message("metadata", 1, META + "ListMeta"),
            repeated(message("items", 2, "." + pkg + ".Lease"))))
        .addMessageType(message("LeaseSpec",
            scalar("holderIdentity", 1, Type.TYPE_STRING),
            scalar("leaseDurationSeconds", 2, Type.TYPE_INT32),
            message("acquireTime", 3, META + "MicroTime"),
            message("renewTime", 4, META + "MicroTime"),
            scalar("leaseTransitions", 5, Type.TYPE_INT32),
            scalar("strategy", 6, Type.TYPE_STRING),
            scalar("preferredHolder", 7, Type.TYPE_STRING)))
        .build();
    return build(file, Meta.getDescriptor());
  }

  /** k8s.io/api/discovery/v1: EndpointSlice and its parts. */
  static FileDescriptor discoveryV1() {
    String pkg = "k8s.io.api.discovery.v1";
    String local = "." + pkg + ".";
    DescriptorProto topologyEntry = DescriptorProto.newBuilder()
        .setName("DeprecatedTopologyEntry")
        .setOptions(MessageOptions.newBuilder().setMapEntry(true))
        .addField(scalar("key", 1, Type.TYPE_STRING))
        .addField(scalar("value", 2, Type.TYPE_STRING))
        .build();
    FileDescriptorProto file = file("k8s.io/api/discovery/v1/generated.proto", pkg)
        .addDependency(V1.getDescriptor().getName())
        .addDependency(Meta.getDescriptor().getName())
        .addMessageType(message("Endpoint",
            repeated(scalar("addresses", 1, Type.TYPE_STRING)),
            message("conditions", 2, local + "EndpointConditions"),
            scalar("hostname", 3, Type.TYPE_STRING),
            message("targetRef", 4, ".k8s.io.api.core.v1.ObjectReference"),
            repeated(message("deprecatedTopology", 5, local + "Endpoint.DeprecatedTopologyEntry")),
            scalar("nodeName", 6, Type.TYPE_STRING),
            scalar("zone", 7, Type.TYPE_STRING),
            message("hints", 8, local + "EndpointHints")).toBuilder()
            .addNestedType(topologyEntry))
        .addMessageType(message("EndpointConditions",
            scalar("ready", 1, Type.TYPE_BOOL),
            scalar("serving", 2, Type.TYPE_BOOL),
            scalar("terminating", 3, Type.TYPE_BOOL)))
        .addMessageType(message("EndpointHints",
            repeated(message("forZones", 1, local + "ForZone")),
            repeated(message("forNodes", 2, local + "ForNode"))))
        .addMessageType(message("EndpointPort",
            scalar("name", 1, Type.TYPE_STRING),
            scalar("protocol", 2, Type.TYPE_STRING),
            scalar("port", 3, Type.TYPE_INT32),
            scalar("appProtocol", 4, Type.TYPE_STRING)))
        .addMessageType(message("EndpointSlice",
            message("metadata", 1, META + "ObjectMeta"),
            scalar("addressType", 4, Type.TYPE_STRING),
            repeated(message("endpoints", 2, local + "Endpoint")),
            repeated(message("ports", 3, local + "EndpointPort"))))
        .addMessageType(message("EndpointSliceList",
            message("metadata", 1, META + "ListMeta"),
            repeated(message("items", 2, local + "EndpointSlice"))))
        .addMessageType(message("ForZone", scalar("name", 1, Type.TYPE_STRING)))
        .addMessageType(message("ForNode", scalar("name", 1, Type.TYPE_STRING)))
        .build();
    return build(file, V1.getDescriptor(), Meta.getDescriptor());
  }

  private static FileDescriptorProto.Builder file(String name, String pkg) {
    return FileDescriptorProto.newBuilder().setName(name).setPackage(pkg).setSyntax("proto2");
  }

  private static DescriptorProto message(String name, FieldDescriptorProto... fields) {
    DescriptorProto.Builder message = DescriptorProto.newBuilder().setName(name);
    for (FieldDescriptorProto f : fields) {
      message.addField(f);
    }
    return message.build();
  }

  private static FieldDescriptorProto scalar(String name, int number, Type type) {
    return FieldDescriptorProto.newBuilder().setName(name).setJsonName(name).setNumber(number)
        .setLabel(Label.LABEL_OPTIONAL).setType(type).build();
  }

  private static FieldDescriptorProto message(String name, int number, String typeName) {
    return scalar(name, number, Type.TYPE_MESSAGE).toBuilder().setTypeName(typeName).build();
  }

  private static FieldDescriptorProto repeated(FieldDescriptorProto field) {
    return field.toBuilder().setLabel(Label.LABEL_REPEATED).build();
  }

  private static FileDescriptor build(FileDescriptorProto file, FileDescriptor... dependencies) {
    try {
      return FileDescriptor.buildFrom(file, dependencies);
    } catch (DescriptorValidationException e) {
      throw new IllegalStateException("invalid built-in descriptor " + file.getName(), e);
    }
  }
}
