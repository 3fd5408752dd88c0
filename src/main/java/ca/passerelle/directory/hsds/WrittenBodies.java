package ca.passerelle.directory.hsds;

import java.io.IOException;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

/** Writes a {@link WrittenBody} answer, whatever its content type, on the answering thread. */
@Configuration(proxyBeanMethods = false)
class WrittenBodies {

    @Bean
    ServerHttpMessageConvertersCustomizer writtenBodyConverter() {
        return converters -> converters.addCustomConverter(new Converter());
    }

    private static final class Converter extends AbstractHttpMessageConverter<WrittenBody> {

        Converter() {
            super(MediaType.ALL);
        }

        @Override
        protected boolean supports(Class<?> type) {
            return WrittenBody.class.isAssignableFrom(type);
        }

        @Override
        public boolean canRead(Class<?> type, MediaType mediaType) {
            return false;
        }

        @Override
        protected WrittenBody readInternal(Class<? extends WrittenBody> type, HttpInputMessage input) {
            throw new HttpMessageNotReadableException("An answer's body is never read", input);
        }

        @Override
        protected void writeInternal(WrittenBody body, HttpOutputMessage output) throws IOException {
            body.writeTo(output.getBody());
        }
    }
}
