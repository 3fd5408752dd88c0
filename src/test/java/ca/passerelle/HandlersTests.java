package ca.passerelle;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Controller;
import org.springframework.util.ClassUtils;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Rules every request handler of Passerelle keeps. */
class HandlersTests {

    @Test
    void noAnswerIsWrittenByASecondThread() {
        // the second thread and the request's own set headers at once: now and then a 500 (spring-framework#25665)
        assertThat(handlerMethods()).isNotEmpty()
                .filteredOn(method -> method.getGenericReturnType().getTypeName().contains(StreamingResponseBody.class.getName()))
                .isEmpty();
    }

    private static List<Method> handlerMethods() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class)); // @RestController is one too
        return scanner.findCandidateComponents(PasserelleApplication.class.getPackageName()).stream()
                .map(BeanDefinition::getBeanClassName)
                .map(name -> ClassUtils.resolveClassName(name, HandlersTests.class.getClassLoader()))
                .flatMap(type -> Arrays.stream(type.getDeclaredMethods())).toList();
    }
}
