package dev.cairn.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AttributionTest {

    @Test
    void fromUrl_readsUtmAndClickId() {
        Attribution attribution = Attribution.fromUrl(
                "https://example.com/p?utm_source=Linked%20In&utm_medium=paid_social&utm_campaign=q4&li_fat_id=xyz");

        assertThat(attribution.utmSource()).isEqualTo("Linked In");
        assertThat(attribution.utmMedium()).isEqualTo("paid_social");
        assertThat(attribution.utmCampaign()).isEqualTo("q4");
        assertThat(attribution.clickIdType()).isEqualTo("li_fat_id");
        assertThat(attribution.clickId()).isEqualTo("xyz");
    }

    @Test
    void fromUrl_withoutQueryHasNothing() {
        Attribution attribution = Attribution.fromUrl("https://example.com/");

        assertThat(attribution.utmSource()).isNull();
        assertThat(attribution.clickIdType()).isNull();
    }

    @ParameterizedTest
    @CsvSource({
        "https://e.com/p?cairn_token=x.y, https://e.com/p",
        "https://e.com/p?a=1&cairn_token=x.y, https://e.com/p?a=1",
        "https://e.com/p?cairn_token=x.y&a=1, https://e.com/p?a=1",
        "https://e.com/p?a=1&cairn_token=x.y&b=2#top, https://e.com/p?a=1&b=2#top",
        "https://e.com/p?cairn_token=x#top, https://e.com/p#top",
        "https://e.com/p?my_cairn_token=1, https://e.com/p?my_cairn_token=1"
    })
    void withoutToken_removesOnlyTheToken(String url, String expected) {
        assertThat(Attribution.withoutToken(url)).isEqualTo(expected);
    }
}
