package io.minik8s.api.defaults;

import io.fabric8.kubernetes.api.model.AzureDiskVolumeSource;
import io.fabric8.kubernetes.api.model.DownwardAPIVolumeFile;
import io.fabric8.kubernetes.api.model.EmptyDirVolumeSource;
import io.fabric8.kubernetes.api.model.ObjectFieldSelector;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimSpec;
import io.fabric8.kubernetes.api.model.ProjectedVolumeSource;
import io.fabric8.kubernetes.api.model.RBDVolumeSource;
import io.fabric8.kubernetes.api.model.ScaleIOVolumeSource;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import java.util.List;
import java.util.function.Function;

/** Upstream's volume defaults: SetDefaults_Volume and those of each volume source. */
final class VolumeDefaults {
  /** 0644, upstream's default file mode for secret, configMap, downwardAPI and projected files. */
  static final int DEFAULT_MODE = 0644;

  static final long DEFAULT_TOKEN_EXPIRATION_SECONDS = 3600;

  private static final List<Function<Volume, Object>> SOURCES =
      List.of(
          Volume::getAwsElasticBlockStore,
          Volume::getAzureDisk,
          Volume::getAzureFile,
          Volume::getCephfs,
          Volume::getCinder,
          Volume::getConfigMap,
          Volume::getCsi,
          Volume::getDownwardAPI,
          Volume::getEmptyDir,
          Volume::getEphemeral,
          Volume::getFc,
          Volume::getFlexVolume,
          Volume::getFlocker,
          Volume::getGcePersistentDisk,
          Volume::getGitRepo,
          Volume::getGlusterfs,
          Volume::getHostPath,
          Volume::getImage,
          Volume::getIscsi,
          Volume::getNfs,
          Volume::getPersistentVolumeClaim,
          Volume::getPhotonPersistentDisk,
          Volume::getPortworxVolume,
          Volume::getProjected,
          Volume::getQuobyte,
          Volume::getRbd,
          Volume::getScaleIO,
          Volume::getSecret,
          Volume::getStorageos,
          Volume::getVsphereVolume);

  private VolumeDefaults() {}

  static void volume(Volume v) {
    if (SOURCES.stream().allMatch(source -> source.apply(v) == null)
        && (v.getAdditionalProperties() == null || v.getAdditionalProperties().isEmpty())) {
      v.setEmptyDir(new EmptyDirVolumeSource());
    }
    if (v.getImage() != null && Defaults.isEmpty(v.getImage().getPullPolicy())) {
      v.getImage().setPullPolicy(ImageReferences.defaultPullPolicy(v.getImage().getReference()));
    }
    if (v.getHostPath() != null && v.getHostPath().getType() == null) {
      v.getHostPath().setType("");
    }
    if (v.getSecret() != null && v.getSecret().getDefaultMode() == null) {
      v.getSecret().setDefaultMode(DEFAULT_MODE);
    }
    if (v.getConfigMap() != null && v.getConfigMap().getDefaultMode() == null) {
      v.getConfigMap().setDefaultMode(DEFAULT_MODE);
    }
    if (v.getDownwardAPI() != null) {
      if (v.getDownwardAPI().getDefaultMode() == null) {
        v.getDownwardAPI().setDefaultMode(DEFAULT_MODE);
      }
      downwardApiItems(v.getDownwardAPI().getItems());
    }
    if (v.getProjected() != null) {
      projected(v.getProjected());
    }
    if (v.getIscsi() != null && Defaults.isEmpty(v.getIscsi().getIscsiInterface())) {
      v.getIscsi().setIscsiInterface("default");
    }
    if (v.getRbd() != null) {
      rbd(v.getRbd());
    }
    if (v.getAzureDisk() != null) {
      azureDisk(v.getAzureDisk());
    }
    if (v.getScaleIO() != null) {
      scaleIo(v.getScaleIO());
    }
    if (v.getEphemeral() != null && v.getEphemeral().getVolumeClaimTemplate() != null) {
      claimSpec(v.getEphemeral().getVolumeClaimTemplate().getSpec());
    }
  }

  private static void projected(ProjectedVolumeSource projected) {
    if (projected.getDefaultMode() == null) {
      projected.setDefaultMode(DEFAULT_MODE);
    }
    if (projected.getSources() == null) {
      return;
    }
    for (VolumeProjection source : projected.getSources()) {
      if (source.getDownwardAPI() != null) {
        downwardApiItems(source.getDownwardAPI().getItems());
      }
      if (source.getServiceAccountToken() != null
          && source.getServiceAccountToken().getExpirationSeconds() == null) {
        source.getServiceAccountToken().setExpirationSeconds(DEFAULT_TOKEN_EXPIRATION_SECONDS);
      }
    }
  }

  private static void downwardApiItems(List<DownwardAPIVolumeFile> items) {
    if (items != null) {
      items.forEach(item -> fieldRef(item.getFieldRef()));
    }
  }

  /** SetDefaults_ObjectFieldSelector. */
  static void fieldRef(ObjectFieldSelector fieldRef) {
    if (fieldRef != null && Defaults.isEmpty(fieldRef.getApiVersion())) {
      fieldRef.setApiVersion("v1");
    }
  }

  private static void rbd(RBDVolumeSource rbd) {
    if (Defaults.isEmpty(rbd.getPool())) {
      rbd.setPool("rbd");
    }
    if (Defaults.isEmpty(rbd.getUser())) {
      rbd.setUser("admin");
    }
    if (Defaults.isEmpty(rbd.getKeyring())) {
      rbd.setKeyring("/etc/ceph/keyring");
    }
  }

  private static void azureDisk(AzureDiskVolumeSource disk) {
    if (disk.getCachingMode() == null) {
      disk.setCachingMode("ReadWrite");
    }
    if (disk.getKind() == null) {
      disk.setKind("Shared");
    }
    if (disk.getFsType() == null) {
      disk.setFsType("ext4");
    }
    if (disk.getReadOnly() == null) {
      disk.setReadOnly(false);
    }
  }

  private static void scaleIo(ScaleIOVolumeSource scaleIo) {
    if (Defaults.isEmpty(scaleIo.getStorageMode())) {
      scaleIo.setStorageMode("ThinProvisioned");
    }
    if (Defaults.isEmpty(scaleIo.getFsType())) {
      scaleIo.setFsType("xfs");
    }
  }

  /** SetDefaults_PersistentVolumeClaimSpec and its resource lists. */
  private static void claimSpec(PersistentVolumeClaimSpec spec) {
    if (spec == null) {
      return;
    }
    if (spec.getVolumeMode() == null) {
      spec.setVolumeMode("Filesystem");
    }
    if (spec.getResources() != null) {
      ResourceLists.roundUpToMilli(spec.getResources().getLimits());
      ResourceLists.roundUpToMilli(spec.getResources().getRequests());
    }
  }
}
