package io.minik8s.api.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parsing, printing and matching of label selectors, after upstream's selector_test.go. */
class LabelSelectorParseTest {
  private static final String NAME_RULE =
      "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end"
          + " with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex"
          + " used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
  private static final String VALUE_RULE =
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or"
          + " '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or"
          + " 'my_value',  or '12345', regex used for validation is"
          + " '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

  /** "k:v;k2:v2" to a map; "-" is no labels. */
  static Map<String, String> labels(String spec) {
    Map<String, String> map = new LinkedHashMap<>();
    if (!spec.equals("-")) {
      for (String pair : spec.split(";")) {
        String[] kv = pair.split(":", -1);
        map.put(kv[0], kv[1]);
      }
    }
    return map;
  }

  @ParameterizedTest(name = "''{0}'' prints as ''{1}''")
  @CsvSource(
      delimiter = '|',
      value = {
        "''|''",
        "x=a,y=b,z=c|x=a,y=b,z=c",
        "x!=a,y=b|x!=a,y=b",
        "b=c,a=d|a=d,b=c",
        "'  a  =  b  '|a=b",
        "'\tx\t==\ty\n'|x==y",
        "'x=,z= '|x=,z=",
        "x,y|x,y",
        "!x,y=z|!x,y=z",
        "x>1,z<5|x>1,z<5",
        "x in (b,a,b)|x in (a,b)",
        "'x in (foo,,baz),y,z notin ()'|x in (,baz,foo),y,z notin ()",
        "x in (in,notin)|x in (in,notin)",
        "notin=in|notin=in",
        "x notin (a)|x notin (a)",
        "example.com/app=web-1.2_x|example.com/app=web-1.2_x",
      })
  void parsesToUpstreamsCanonicalForm(String selector, String canonical) {
    assertThat(LabelSelector.parse(selector).toString()).isEqualTo(canonical);
  }

  @ParameterizedTest(name = "''{0}'' is rejected: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "x==a==b|found '==', expected: ',' or 'end of string'",
        "!x=a|found '=', expected: ',' or 'end of string'",
        "x=a,,y=b|found ',', expected: identifier after ','",
        ",x|found ',', expected: !, identifier, or 'end of string'",
        "x=a)|found ')', expected: ',' or 'end of string'",
        "'a b'|unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt",
        "x in a|unable to parse requirement: found 'a' expected: '('",
        "x in (a|unable to parse requirement: found '', expected: ',' or ')'",
        "x in (a b)|unable to parse requirement: found 'b', expected: ',' or ')'",
        "x in =|unable to parse requirement: found '=' expected: '('",
        "x in (=)|unable to parse requirement: found '=', expected: ',', ')' or identifier",
        "x=(|unable to parse requirement: found '(', expected: identifier",
        "'! =x'|unable to parse requirement: found '=', expected: identifier",
        "!=x|found '!=', expected: !, identifier, or 'end of string'",
        "x<a|unable to parse requirement: values[0]: Invalid value: \"a\":"
            + " for 'Gt', 'Lt' operators, the value must be an integer",
      })
  void rejectsMalformedSelectorsWithUpstreamsMessages(String selector, String message) {
    assertThatThrownBy(() -> LabelSelector.parse(selector))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @ParameterizedTest(name = "''{0}'' is rejected for {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a$=b|<nil>: Invalid value: \"a$\": " + NAME_RULE,
        "x=a$|values[0][x]: Invalid value: \"a$\": " + VALUE_RULE,
        "x in (ok,b$)|values[0][x]: Invalid value: \"b$\": " + VALUE_RULE,
        "x=a@b|values[0][x]: Invalid value: \"a@b\": " + VALUE_RULE,
      })
  void rejectsInvalidKeysAndValuesWithUpstreamsFieldErrors(String selector, String error) {
    assertThatThrownBy(() -> LabelSelector.parse(selector))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unable to parse requirement: " + error);
  }

  @ParameterizedTest(name = "''{0}'' on {1} matches: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''|x:y|true",
        "x=y|x:y|true",
        "x==y|x:y|true",
        "x=y,z=w|x:y;z:w|true",
        "x!=y,z!=w|x:z;z:a|true",
        "notin=in|notin:in|true",
        "x|x:z|true",
        "!x|y:z|true",
        "x>1|x:2|true",
        "x<1|x:0|true",
        "x<1|x:-5|true",
        "x in (a,b)|x:b|true",
        "x notin (a)|-|true",
        "x!=y|-|true",
        "x in ()|x:|true",
        "x=|x:|true",
        "x=z|-|false",
        "x=|-|false",
        "x=y|x:z|false",
        "x=y,z=w|x:w;z:w|false",
        "x!=y,z!=w|x:z;z:w|false",
        "x|y:z|false",
        "!x|x:z|false",
        "x>1|x:0|false",
        "x>1|x:1|false",
        "x<1|x:2|false",
        "x>1|x:a|false",
        "x>1|-|false",
        "x in (a,b)|x:c|false",
        "x in (a,b)|-|false",
        "x notin (a)|x:a|false",
      })
  void matchesAsUpstream(String selector, String labelSpec, boolean expected) {
    assertThat(LabelSelector.parse(selector).matches(labels(labelSpec))).isEqualTo(expected);
  }
}
