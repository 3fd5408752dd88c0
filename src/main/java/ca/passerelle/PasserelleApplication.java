package ca.passerelle;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Passerelle, the pan-Canadian platform of the anti-trafficking network. Each direct sub-package is
 * one capability (a Spring Modulith module); this package holds only the application's wiring.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PasserelleApplication {

    public static void main(String[] args) {
        SpringApplication.run(PasserelleApplication.class, args);
    }
}
