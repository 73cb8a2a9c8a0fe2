package io.minik8s.apiserver.registry.service.allocator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Ipv4CidrTest {

  @ParameterizedTest
  @CsvSource({
    "10.96.0.0/12, 10.96.0.0/12, 1048574, 256",
    "10.96.0.7/12, 10.96.0.0/12, 1048574, 256",
    "127.96.0.0/16, 127.96.0.0/16, 65534, 256",
    "192.168.1.0/24, 192.168.1.0/24, 254, 16",
    "192.168.1.0/28, 192.168.1.0/28, 14, 0",
    "10.0.0.1/32, 10.0.0.1/32, 0, 0"
  })
  void sizesTheRangeWithoutNetworkAndBroadcastAddresses(
      String cidr, String canonical, int usable, int reserved) {
    Ipv4Cidr range = Ipv4Cidr.parse(cidr);

    assertThat(range).hasToString(canonical);
    assertThat(range.usableSize()).isEqualTo(usable);
    assertThat(range.reservedForStatic()).isEqualTo(reserved);
  }

  @Test
  void mapsAddressesToOffsetsFromTheFirstHostAddress() {
    Ipv4Cidr range = Ipv4Cidr.parse("10.96.0.0/12");

    assertThat(range.addressAt(0)).isEqualTo("10.96.0.1");
    assertThat(range.offsetOf("10.96.0.10")).hasValue(9);
    assertThat(range.offsetOf("10.111.255.254")).hasValue(1048573);
    assertThat(range.addressAt(1048573)).isEqualTo("10.111.255.254");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"10.96.0.0", "10.111.255.255", "10.112.0.1", "10.0.0.1", "10.96.0.01", "x"})
  void excludesNetworkBroadcastOutsideAndMalformedAddresses(String ip) {
    assertThat(Ipv4Cidr.parse("10.96.0.0/12").offsetOf(ip)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.96.0.0", "10.96.0.0/33", "fd00::/64", "10.96.0.0/012"})
  void rejectsWhatIsNoIpv4Cidr(String cidr) {
    assertThatThrownBy(() -> Ipv4Cidr.parse(cidr)).isInstanceOf(IllegalArgumentException.class);
  }
}
