package ca.passerelle.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The national hotline shown on every page: by default the Canadian Human Trafficking Hotline,
 * free, confidential, 24/7, in more than 200 languages.
 *
 * @param number the number as people dial it
 */
@ConfigurationProperties("passerelle.hotline")
public record HotlineProperties(@DefaultValue("1-833-900-1010") String number) {

    /** The number for a {@code tel:} link. */
    public String dialable() {
        return "+" + number.replaceAll("[^0-9]", "");
    }
}
