package cn.huzhu.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryTextFilterTest {

    @Test
    void takesTypedTextIncludingChineseAndEncodedPunctuation() {
        assertThat(QueryTextFilter.problem("year=2020&district=%E6%B5%B7%E6%9B%99&q=a%2Fb+c"))
                .isNull();
        assertThat(QueryTextFilter.problem("flag&x=")).isNull();
    }

    @Test
    void refusesControlCharactersAndBrokenEscapesNamingTheParameter() {
        assertThat(QueryTextFilter.problem("year=2020&district=%00"))
                .isEqualTo("Query parameter district holds a control character (U+0000)");
        assertThat(QueryTextFilter.problem("name=a%1Bb")).contains("U+001B");
        assertThat(QueryTextFilter.problem("a%00b=1")).startsWith("Query parameter a?b holds");
        assertThat(QueryTextFilter.problem("x=%zz")).isEqualTo("A query parameter is not properly percent-encoded");
    }
}
